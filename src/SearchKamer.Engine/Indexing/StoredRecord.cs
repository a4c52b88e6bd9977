using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Domain;

namespace SearchKamer.Indexing;

/// <summary>
/// Reads a document record back: its JSON and key, and its renditions when asked. A results page reads ten
/// records, and reading every stored field of each (ids, names, paths: a string apiece) was a fifth of the
/// page's allocations; the JSON is stored as UTF-8 bytes and parsed from them, where a string field was
/// decoded to UTF-16 only to be encoded back for the parser. Records stored as a string still read.
/// </summary>
public static class StoredRecord
{
    public sealed record Read(string Key, KamervraagDocument Document, IReadOnlyList<Rendition> Renditions);

    public static Read Load(IndexSearcher searcher, int doc, bool renditions = false)
    {
        var visitor = Visit(searcher, doc, renditions);
        return new Read(visitor.Key!, Whole(visitor, doc), [.. visitor.Paths.Zip(visitor.Hashes, (p, h) => new Rendition(p, h))]);
    }

    /// <summary>A record as a results page shows it (<see cref="ShownRecord"/>): only the texts of the pairs it shows.</summary>
    /// <param name="shownBack">The shown pairs, by how far their doc id lies before <paramref name="doc"/> (the last pair is 1).</param>
    public static ShownRecord LoadShown(IndexSearcher searcher, int doc, IReadOnlyCollection<int> shownBack)
    {
        var visitor = Visit(searcher, doc, renditions: false);
        return visitor.Json is { } utf8 ? ShownRecord.Of(visitor.Key!, utf8, shownBack) : ShownRecord.Of(visitor.Key!, Whole(visitor, doc));
    }

    public static StoredField JsonField(KamervraagDocument doc) =>
        new(Fields.DocumentJson, JsonSerializer.SerializeToUtf8Bytes(doc, StoredJson.Options));

    /// <summary>The record's stored fields, which must hold a key and a JSON.</summary>
    private static Visitor Visit(IndexSearcher searcher, int doc, bool renditions)
    {
        var visitor = new Visitor(renditions);
        searcher.IndexReader.Document(doc, visitor);
        return visitor.Key is not null && (visitor.Json is not null || visitor.JsonText is not null)
            ? visitor
            : throw new InvalidDataException($"record {doc} of the index holds no document");
    }

    /// <summary>The whole document of a visited record, from its bytes or (stored before) its text.</summary>
    private static KamervraagDocument Whole(Visitor visitor, int doc) =>
        (visitor.Json is { } utf8 ? JsonSerializer.Deserialize<KamervraagDocument>(utf8, StoredJson.Options)
            : JsonSerializer.Deserialize<KamervraagDocument>(visitor.JsonText!, StoredJson.Options))
        ?? throw new InvalidDataException($"record {doc} of the index holds no document");

    /// <summary>Takes the JSON and the key (and paths with hashes if asked) and stops once it has them.</summary>
    private sealed class Visitor(bool renditions) : StoredFieldVisitor
    {
        public byte[]? Json { get; private set; }

        public string? JsonText { get; private set; }

        public string? Key { get; private set; }

        public List<string> Paths { get; } = [];

        public List<string> Hashes { get; } = [];

        private bool HasJson => Json is not null || JsonText is not null;

        public override Status NeedsField(FieldInfo fieldInfo)
        {
            if (!renditions && HasJson && Key is not null)
            {
                return Status.STOP;
            }

            return fieldInfo.Name switch
            {
                Fields.DocumentJson or Fields.DocId => Status.YES,
                Fields.SourcePath or Fields.Sha256 when renditions => Status.YES,
                _ => Status.NO,
            };
        }

        public override void BinaryField(FieldInfo fieldInfo, byte[] value) => Json = value;

        public override void StringField(FieldInfo fieldInfo, string value)
        {
            switch (fieldInfo.Name)
            {
                case Fields.DocumentJson:
                    JsonText = value;
                    break;
                case Fields.DocId:
                    Key = value;
                    break;
                case Fields.SourcePath:
                    Paths.Add(value);
                    break;
                case Fields.Sha256:
                    Hashes.Add(value);
                    break;
            }
        }
    }
}

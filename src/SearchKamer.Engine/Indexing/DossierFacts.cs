using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Domain;

namespace SearchKamer.Indexing;

/// <summary>
/// A document record without its texts, kept as binary doc values on the doc record. A search hit shows its
/// dossier's state, and reading the members' stored records for it (a compressed block of 16 KB or more each,
/// texts and all) was two fifths of a rare word's time through HTTP; these few hundred bytes are read directly.
/// </summary>
public static class DossierFacts
{
    /// <summary>Lucene 4.8 refuses binary doc values longer than this.</summary>
    private const int MaxBytes = 32766;

    /// <summary>What a dossier needs of a document: everything but questions, answers, footnotes and notice text.</summary>
    public static KamervraagDocument Of(KamervraagDocument doc) =>
        doc with { Questions = [], Footnotes = [], Notice = null, Warnings = [] };

    /// <summary>The field for a document's record; null when even the facts are too long (the reader then reads the stored record).</summary>
    public static BinaryDocValuesField? Field(KamervraagDocument doc)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(Of(doc), StoredJson.Options);
        return bytes.Length > MaxBytes ? null : new BinaryDocValuesField(Fields.DossierFacts, new BytesRef(bytes));
    }

    /// <summary>The key and facts of every doc record <paramref name="query"/> matches, in index order.</summary>
    public static List<(string Key, KamervraagDocument Doc)> Read(IndexSearcher searcher, Query query)
    {
        var collector = new Collector<(string Key, KamervraagDocument Doc)>(searcher, Whole, WholeStored);
        searcher.Search(query, collector);
        return collector.Read;
    }

    /// <summary>Per term text of <paramref name="field"/>, the key and facts of every doc record that holds it, in index order.</summary>
    public static Dictionary<string, List<(string Key, KamervraagDocument Doc)>> RecordsWith(IndexSearcher searcher, string field, IEnumerable<string> texts) =>
        RecordsWith(searcher, field, texts, Whole, WholeStored);

    /// <summary>
    /// Per term text of <paramref name="field"/>, what <paramref name="fromFacts"/> reads of the facts of every doc record
    /// that holds it, in index order (<paramref name="fromStored"/> of a record too long for facts). Read from the terms'
    /// postings directly, with one terms enumerator per segment for all of them: one search per hit through the query
    /// machinery (a weight, a scorer and a conjunction with the records' long posting list) was most of a dossier state's
    /// cost, and so was a fresh enumerator (its term block and postings buffer read anew) for each of a results page's ten
    /// dossiers. The records' bits are cached.
    /// </summary>
    public static Dictionary<string, List<T>> RecordsWith<T>(IndexSearcher searcher, string field, IEnumerable<string> texts, FactsReader<T> fromFacts, Func<StoredRecord.Read, T> fromStored)
    {
        var found = texts.Distinct(StringComparer.Ordinal).ToDictionary(t => t, _ => new List<T>(), StringComparer.Ordinal);
        // In term order, so each seek moves forward through the term dictionary.
        var ordered = found.Keys.Select(t => new BytesRef(t)).Order().ToList();
        var collector = new Collector<T>(searcher, fromFacts, fromStored);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (leaf.AtomicReader.GetTerms(field)?.GetEnumerator() is not { } terms)
            {
                continue;
            }

            // A term sits on a document's pairs and on its record; only the record is a member.
            var records = ParentBits.For(leaf.AtomicReader);
            var live = leaf.AtomicReader.LiveDocs;
            collector.SetNextReader(leaf);
            DocsEnum? docs = null;
            foreach (var text in ordered)
            {
                if (!terms.SeekExact(text))
                {
                    continue;
                }

                collector.Into = found[text.Utf8ToString()];
                docs = terms.Docs(live, docs, DocsFlags.NONE);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    if (records.Get(doc))
                    {
                        collector.Collect(doc);
                    }
                }
            }
        }

        return found;
    }

    private static (string Key, KamervraagDocument Doc) Whole(ReadOnlySpan<byte> facts)
    {
        var document = JsonSerializer.Deserialize<KamervraagDocument>(facts, StoredJson.Options)
            ?? throw new InvalidDataException("no document in them");
        // The key is made from what the facts keep (ids and source), as the record's was when it was written:
        // reading it from the key's sorted doc values cost two file reads per member.
        return (DocumentMapper.KeyOf(document), document);
    }

    // An over-long record: the whole stored record, stripped the same way.
    private static (string Key, KamervraagDocument Doc) WholeStored(StoredRecord.Read stored) => (stored.Key, Of(stored.Document));

    private sealed class Collector<T>(IndexSearcher searcher, FactsReader<T> fromFacts, Func<StoredRecord.Read, T> fromStored) : ICollector
    {
        private readonly BytesRef _bytes = new();
        private BinaryDocValues? _facts;
        private IBits? _hasFacts;
        private int _base;

        public List<T> Read { get; } = [];

        /// <summary>Where collected records go (<see cref="Read"/> unless set).</summary>
        public List<T>? Into { get; set; }

        public bool AcceptsDocsOutOfOrder => false;

        public void SetNextReader(AtomicReaderContext context)
        {
            _base = context.DocBase;
            _facts = context.AtomicReader.GetBinaryDocValues(Fields.DossierFacts);
            _hasFacts = context.AtomicReader.GetDocsWithField(Fields.DossierFacts);
        }

        public void SetScorer(Scorer scorer)
        {
        }

        public void Collect(int doc)
        {
            if (_facts is null || _hasFacts?.Get(doc) != true)
            {
                (Into ?? Read).Add(fromStored(StoredRecord.Load(searcher, _base + doc)));
                return;
            }

            _facts.Get(doc, _bytes);
            try
            {
                (Into ?? Read).Add(fromFacts(_bytes.Bytes.AsSpan(_bytes.Offset, _bytes.Length)));
            }
            catch (Exception e) when (e is JsonException or InvalidDataException)
            {
                throw new InvalidDataException($"record {_base + doc} of the index: unreadable dossier facts ({e.Message})", e);
            }
        }
    }
}

/// <summary>What a reader of dossier facts makes of one record's facts (their JSON, the shape of <see cref="KamervraagDocument"/>).</summary>
public delegate T FactsReader<T>(ReadOnlySpan<byte> facts);

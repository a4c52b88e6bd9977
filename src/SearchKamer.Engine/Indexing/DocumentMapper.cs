using System.Globalization;
using System.Text.Json;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using SearchKamer.Domain;

namespace SearchKamer.Indexing;

/// <summary>Turns one parsed document into its block of Lucene records: the pairs first, the doc record last.</summary>
public static class DocumentMapper
{
    private static readonly FieldType VectorText = MakeVectorText(stored: true);
    private static readonly FieldType VectorOnly = MakeVectorText(stored: false);

    public static string KeyOf(KamervraagDocument doc) =>
        (doc.OfficialId ?? doc.DocumentNumber ?? "file:" + Path.GetFileName(doc.Source.Path)).ToLowerInvariant();

    public static int? DateOf(KamervraagDocument doc) =>
        (doc.DateReceived ?? doc.DateSubmitted) is { } d ? (d.Year * 10000) + (d.Month * 100) + d.Day : null;

    /// <param name="renditions">Every file (path, sha256) known to hold this document; defaults to its own source.</param>
    public static List<Document> ToBlock(KamervraagDocument doc, DateTimeOffset ingestedAt, IReadOnlyList<Rendition>? renditions = null)
    {
        var key = KeyOf(doc);
        var block = new List<Document>();
        var questions = doc.Questions.Count > 0
            ? doc.Questions
            : [new QuestionAnswer(0, doc.Notice ?? doc.Subject ?? "", null, [], [])];
        foreach (var q in questions)
        {
            var pair = new Document
            {
                new StringField(Fields.Level, Fields.LevelPair, Field.Store.NO),
                new Int32Field(Fields.Number, q.Number, Field.Store.YES),
                new StoredField(Fields.AnsweredWith, string.Join(",", q.AnsweredWith)),
            };
            AddText(pair, Fields.Question, q.Question);
            AddText(pair, Fields.Answer, q.Answer ?? doc.Notice ?? "");
            AddShared(pair, doc, key, ingestedAt);
            block.Add(pair);
        }

        var record = new Document
        {
            new StringField(Fields.Level, Fields.LevelDoc, Field.Store.NO),
            new StoredField(Fields.DocumentJson, JsonSerializer.Serialize(doc, StoredJson.Options)),
        };
        foreach (var r in renditions ?? [new Rendition(doc.Source.Path, doc.Source.Sha256)])
        {
            // Stored in pairs, in the same order, so a path's sha256 can be read back.
            record.Add(new StringField(Fields.SourcePath, r.Path, Field.Store.YES));
            record.Add(new StringField(Fields.Sha256, r.Sha256, Field.Store.YES));
        }

        var all = string.Join("\n", doc.Questions.SelectMany(q => new[] { q.Question, q.Answer ?? "" }).Append(doc.Notice ?? ""));
        record.Add(new TextField(Fields.All, all, Field.Store.NO));
        record.Add(new TextField(Fields.AllExact, all, Field.Store.NO));
        AddShared(record, doc, key, ingestedAt);
        block.Add(record);
        return block;
    }

    private static void AddShared(Document d, KamervraagDocument doc, string key, DateTimeOffset ingestedAt)
    {
        d.Add(new StringField(Fields.DocId, key, Field.Store.YES));
        d.Add(new SortedDocValuesField(Fields.DocId, new BytesRef(key)));
        AddId(d, Fields.OfficialId, doc.OfficialId);
        AddId(d, Fields.DocumentNumber, doc.DocumentNumber);
        foreach (var zaak in doc.ZaakNumbers)
        {
            AddId(d, Fields.Zaak, zaak);
        }

        AddKeyword(d, Fields.Kind, Kinds.Name(doc.Kind));
        AddKeyword(d, Fields.Vergaderjaar, doc.Vergaderjaar);
        foreach (var a in doc.Answerers)
        {
            AddKeyword(d, Fields.Minister, a.Name);
            AddKeyword(d, Fields.Ministry, a.Ministry);
            d.Add(new TextField(Fields.MinisterText, $"{a.Role} {a.Name}", Field.Store.NO));
            d.Add(new TextField(Fields.MinistryText, $"{a.Ministry} {a.Portfolio}", Field.Store.NO));
        }

        foreach (var a in doc.Askers)
        {
            AddKeyword(d, Fields.Asker, a.Name);
            AddKeyword(d, Fields.Party, a.Party);
            d.Add(new TextField(Fields.AskerText, a.Name, Field.Store.NO));
            d.Add(new TextField(Fields.PartyText, a.Party ?? "", Field.Store.NO));
        }

        foreach (var addressee in doc.Addressees)
        {
            AddKeyword(d, Fields.Addressee, addressee);
        }

        if (DateOf(doc) is { } date)
        {
            d.Add(new Int32Field(Fields.Date, date, Field.Store.NO));
            d.Add(new NumericDocValuesField(Fields.Date, date));
            AddKeyword(d, Fields.Year, (date / 10000).ToString(CultureInfo.InvariantCulture));
        }

        d.Add(new NumericDocValuesField(Fields.IngestedAt, ingestedAt.UtcTicks));
        d.Add(new StoredField(Fields.IngestedAt, ingestedAt.UtcTicks));
        // Searched but never highlighted nor read back (results take the subject from the document JSON).
        d.Add(new TextField(Fields.Subject, doc.Subject ?? "", Field.Store.NO));
        d.Add(new TextField(Fields.SubjectExact, doc.Subject ?? "", Field.Store.NO));
    }

    /// <summary>
    /// The highlighter merges the exact field's term vectors into snippets of the stemmed field's stored
    /// text, so only the stemmed field stores the text: storing it twice cost index time and disk for nothing.
    /// </summary>
    private static void AddText(Document d, string field, string text)
    {
        d.Add(new Field(field, text, VectorText));
        d.Add(new Field(Fields.ExactOf(field), text, VectorOnly));
    }

    /// <summary>Ids are matched case-insensitively: users type "ah-tk-…" and "2025d36086" alike.</summary>
    private static void AddId(Document d, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            d.Add(new StringField(field, value.ToLowerInvariant(), Field.Store.YES));
        }
    }

    private static void AddKeyword(Document d, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        d.Add(new StringField(field, value, Field.Store.YES));
        d.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    /// <summary>With term vectors (positions + offsets) for the FastVectorHighlighter.</summary>
    private static FieldType MakeVectorText(bool stored)
    {
        var type = new FieldType(stored ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED)
        {
            StoreTermVectors = true,
            StoreTermVectorPositions = true,
            StoreTermVectorOffsets = true,
        };
        type.Freeze();
        return type;
    }
}

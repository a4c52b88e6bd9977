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
    private static readonly FieldType Keyword = MakeKeyword(stored: false);
    private static readonly FieldType StoredKeyword = MakeKeyword(stored: true);

    public static string KeyOf(KamervraagDocument doc) => KeyOf(doc.OfficialId, doc.DocumentNumber, doc.Source.Path);

    /// <summary>The key of a document from its ids and source path (<see cref="KeyOf(KamervraagDocument)"/>).</summary>
    public static string KeyOf(string? officialId, string? documentNumber, string sourcePath) =>
        (officialId ?? documentNumber ?? "file:" + Path.GetFileName(sourcePath)).ToLowerInvariant();

    public static int? DateOf(KamervraagDocument doc) => (doc.DateReceived ?? doc.DateSubmitted) is { } d ? Day(d) : null;

    /// <summary>A date as the index keeps it (<see cref="Fields.Date"/>): yyyymmdd, so numbers order as dates do.</summary>
    public static int Day(DateOnly d) => (d.Year * 10000) + (d.Month * 100) + d.Day;

    /// <summary>
    /// The pairs of a document's block, in block order (the record follows them). A document without
    /// questions (a Mededeling) is one pair of its notice, so it can be found and shown like any other.
    /// </summary>
    public static IReadOnlyList<QuestionAnswer> Pairs(KamervraagDocument doc) =>
        doc.Questions.Count > 0 ? doc.Questions : [new QuestionAnswer(0, doc.Notice ?? doc.Subject ?? "", null, [], [])];

    /// <summary>The answer text a pair is indexed with.</summary>
    public static string AnswerOf(KamervraagDocument doc, QuestionAnswer pair) => pair.Answer ?? doc.Notice ?? "";

    /// <param name="renditions">Every file (path, sha256) known to hold this document; defaults to its own source.</param>
    /// <param name="change">What changed since the version indexed before (<see cref="DocumentChange"/>); null for a first version.</param>
    public static List<Document> ToBlock(KamervraagDocument doc, DateTimeOffset ingestedAt, IReadOnlyList<Rendition>? renditions = null, string? change = null)
    {
        var key = KeyOf(doc);
        // Pairs hold only their own text and, of their document, its key (a replaced document's pairs go with it): the
        // subject, names, ids and filter values are on the record alone, where results and queries read them
        // (SchemaField.DocumentOnly marks them for the queries). One key field serves every pair: Lucene reads a field
        // as it indexes a record.
        var pairKey = new Field(Fields.DocId, key, Keyword);
        var block = new List<Document>();
        foreach (var q in Pairs(doc))
        {
            var pair = new Document
            {
                new Field(Fields.Level, Fields.LevelPair, Keyword),
                new Field(Fields.Number, q.Number.ToString(CultureInfo.InvariantCulture), StoredKeyword),
                new StoredField(Fields.AnsweredWith, string.Join(",", q.AnsweredWith)),
            };
            AddText(pair, Fields.Question, q.Question);
            AddText(pair, Fields.Answer, AnswerOf(doc, q));
            pair.Add(pairKey);
            block.Add(pair);
        }

        var record = new Document
        {
            new Field(Fields.Level, Fields.LevelDoc, Keyword),
            StoredRecord.JsonField(doc),
        };
        if (DossierFacts.Field(doc) is { } facts)
        {
            record.Add(facts);
        }

        if (DateOf(doc) is { } date)
        {
            // Only results (documents) are sorted by date; Lucene.Net's numeric doc values writer measures
            // its memory by reflection on every value, too dear to pay once per pair as well.
            record.Add(new NumericDocValuesField(Fields.Date, date));
        }

        foreach (var r in renditions ?? [new Rendition(doc.Source.Path, doc.Source.Sha256)])
        {
            // Stored in pairs, in the same order, so a path's sha256 can be read back.
            record.Add(new Field(Fields.SourcePath, r.Path, StoredKeyword));
            record.Add(new Field(Fields.Sha256, r.Sha256, StoredKeyword));
        }

        if (change is not null)
        {
            record.Add(new StoredField(Fields.Change, change));
        }

        AddDocumentFields(record, doc, key, ingestedAt);
        block.Add(record);
        return block;
    }

    /// <summary>What the document record alone carries of the document: key, ids, filter values, names, subject, times.</summary>
    private static void AddDocumentFields(Document d, KamervraagDocument doc, string key, DateTimeOffset ingestedAt)
    {
        d.Add(new Field(Fields.DocId, key, StoredKeyword));
        // A pair reads its document's key through ParentBits.
        d.Add(new SortedDocValuesField(Fields.DocId, new BytesRef(key)));
        d.Add(new NumericDocValuesField(Fields.IngestedAt, ingestedAt.UtcTicks));
        d.Add(new StoredField(Fields.IngestedAt, ingestedAt.UtcTicks));
        AddId(d, Fields.OfficialId, doc.OfficialId);
        AddId(d, Fields.DocumentNumber, doc.DocumentNumber);
        foreach (var zaak in doc.ZaakNumbers)
        {
            AddId(d, Fields.Zaak, zaak);
        }

        // Keyword fields (filters, facets) as the schema's rows give them.
        foreach (var field in IndexSchema.MappedKeywords)
        {
            foreach (var value in field.Values!(doc))
            {
                AddKeyword(d, field.Name, value);
            }
        }

        foreach (var a in doc.Answerers)
        {
            d.Add(new TextField(Fields.MinisterText, $"{a.Role} {a.Name}", Field.Store.NO));
            d.Add(new TextField(Fields.MinistryText, $"{a.Ministry} {a.Portfolio}", Field.Store.NO));
        }

        foreach (var a in doc.Askers)
        {
            d.Add(new TextField(Fields.AskerText, a.Name, Field.Store.NO));
            d.Add(new TextField(Fields.PartyText, a.Party ?? "", Field.Store.NO));
        }

        // Searched but never highlighted nor read back (results take the subject from the document JSON).
        d.Add(TwinTextFields.Stemmed(Fields.Subject, doc.Subject ?? "", Field.Store.NO));
        d.Add(TwinTextFields.Exact(Fields.SubjectExact, doc.Subject ?? ""));
    }

    /// <summary>
    /// Neither field stores the text: results and snippets read it from the document record. Stored here too,
    /// it was half the stored data, and loading a record decompressed the pairs' copies stored before it.
    /// Both fields share one tokenization (<see cref="TwinTextFields"/>).
    /// </summary>
    private static void AddText(Document d, string field, string text)
    {
        d.Add(TwinTextFields.Stemmed(field, text, Field.Store.NO));
        d.Add(TwinTextFields.Exact(Fields.ExactOf(field), text));
    }

    /// <summary>Ids are matched case-insensitively: users type "ah-tk-…" and "2025d36086" alike.</summary>
    private static void AddId(Document d, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            d.Add(new Field(field, value.ToLowerInvariant(), StoredKeyword));
        }
    }

    /// <summary>A filter value as a term to select by and a doc value that facets are counted from (<c>Search/FacetTable</c>).</summary>
    private static void AddKeyword(Document d, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            d.Add(new Field(field, value, StoredKeyword));
            d.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
        }
    }

    /// <summary>
    /// A StringField's term, but tokenized by the KeywordAnalyzer that DutchAnalysis maps these fields to:
    /// a StringField builds a fresh token stream per field per record (reflection-heavy in Lucene.Net),
    /// the analyzer reuses one per thread.
    /// </summary>
    private static FieldType MakeKeyword(bool stored)
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            OmitNorms = true,
            IndexOptions = IndexOptions.DOCS_ONLY,
            IsStored = stored,
        };
        type.Freeze();
        return type;
    }
}

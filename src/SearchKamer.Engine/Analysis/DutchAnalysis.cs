using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using SearchKamer.Indexing;

namespace SearchKamer.Analysis;

/// <summary>
/// The analyzers of the schema (see Indexing/Fields). Stemmed text fields get the Dutch chain
/// (compound parts only at index time); *_exact and *_text fields get lower-casing and folding only.
/// The instances are shared and thread-safe; do not dispose them.
/// </summary>
public static class DutchAnalysis
{
    private static readonly string[] ExactFields =
    [
        Fields.QuestionExact, Fields.AnswerExact, Fields.SubjectExact,
        Fields.AskerText, Fields.MinisterText, Fields.PartyText, Fields.MinistryText,
    ];

    // StringFields are never analysed when indexed; at query time a whole value must stay one
    // term, so a term built through the analyzer for these fields is not stemmed or split.
    private static readonly string[] KeywordFields =
    [
        Fields.Level, Fields.DocId, Fields.OfficialId, Fields.DocumentNumber, Fields.Zaak,
        Fields.Kind, Fields.Vergaderjaar, Fields.Minister, Fields.Ministry, Fields.Party,
        Fields.Asker, Fields.Addressee, Fields.Year, Fields.Number, Fields.Sha256, Fields.SourcePath,
    ];

    /// <summary>The stemmed chain with compound splitting (index time).</summary>
    public static Analyzer StemmedIndex { get; } = new DutchStemmedAnalyzer(splitCompounds: true);

    /// <summary>The stemmed chain without compound splitting (query time).</summary>
    public static Analyzer StemmedQuery { get; } = new DutchStemmedAnalyzer(splitCompounds: false);

    /// <summary>Lower case and folding only (exact and name fields, index and query time).</summary>
    public static Analyzer Exact { get; } = new ExactAnalyzer();

    /// <summary>Per-field analyzer for the IndexWriter.</summary>
    public static Analyzer Index { get; } = PerField(StemmedIndex);

    /// <summary>Per-field analyzer for parsing queries: same chain, no compound splitting.</summary>
    public static Analyzer Query { get; } = PerField(StemmedQuery);

    /// <summary>Whether a field holds exact (unstemmed) text.</summary>
    public static bool IsExactField(string field) => ExactFields.Contains(field);

    private static PerFieldAnalyzerWrapper PerField(Analyzer stemmed)
    {
        var keyword = new KeywordAnalyzer();
        var map = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var field in ExactFields)
        {
            map[field] = Exact;
        }

        foreach (var field in KeywordFields)
        {
            map[field] = keyword;
        }

        return new PerFieldAnalyzerWrapper(stemmed, map);
    }
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using SearchKamer.Analysis;

namespace SearchKamer.Indexing;

/// <summary>
/// The analyzer of each field, as <see cref="IndexSchema"/> names its chain: stemmed text gets the Dutch chain
/// (compound parts only at index time), exact and name fields lower-casing and folding, keywords stay one term
/// (a term built through the analyzer for a keyword field at query time is not stemmed or split). Built here,
/// beside the schema, so Analysis keeps only the chains and does not need the index's field names.
/// The instances are shared and thread-safe; do not dispose them.
/// </summary>
public static class FieldAnalyzers
{
    private static readonly HashSet<string> ExactFields = [.. IndexSchema.Analysed(FieldAnalysis.Exact)];

    /// <summary>Per-field analyzer for the IndexWriter.</summary>
    public static Analyzer Index { get; } = PerField(DutchAnalysis.StemmedIndex);

    /// <summary>Per-field analyzer for parsing queries: same chains, no compound splitting.</summary>
    public static Analyzer Query { get; } = PerField(DutchAnalysis.StemmedQuery);

    /// <summary>Whether a field holds exact (unstemmed) text.</summary>
    public static bool IsExactField(string field) => ExactFields.Contains(field);

    private static PerFieldAnalyzerWrapper PerField(Analyzer stemmed)
    {
        var keyword = new KeywordAnalyzer();
        var map = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var field in ExactFields)
        {
            map[field] = DutchAnalysis.Exact;
        }

        foreach (var field in IndexSchema.Analysed(FieldAnalysis.Keyword))
        {
            map[field] = keyword;
        }

        return new PerFieldAnalyzerWrapper(stemmed, map);
    }
}

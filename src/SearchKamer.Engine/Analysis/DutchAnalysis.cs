using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchKamer.Analysis;

/// <summary>
/// The Dutch analysis chains: stemmed (compound parts only at index time) and exact (lower case and folding).
/// Which field gets which chain is the schema's to say (Indexing/FieldAnalyzers).
/// The instances are shared and thread-safe; do not dispose them.
/// </summary>
public static class DutchAnalysis
{
    /// <summary>The stemmed chain with compound splitting (index time).</summary>
    public static Analyzer StemmedIndex { get; } = new DutchStemmedAnalyzer(splitCompounds: true);

    /// <summary>The stemmed chain without compound splitting (query time).</summary>
    public static Analyzer StemmedQuery { get; } = new DutchStemmedAnalyzer(splitCompounds: false);

    /// <summary>Lower case and folding only (exact and name fields, index and query time).</summary>
    public static Analyzer Exact { get; } = new ExactAnalyzer();

    /// <summary>The one term <paramref name="analyzer"/> makes of <paramref name="text"/>; null when it makes none or several.</summary>
    public static string? OneTerm(Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        string? only = null;
        var count = 0;
        while (stream.IncrementToken())
        {
            only = term.ToString();
            count++;
        }

        stream.End();
        return count == 1 ? only : null;
    }
}

using Lucene.Net.Analysis;

namespace SearchKamer.Analysis;

/// <summary>
/// The analyzers of the schema (see Indexing/Fields). Stemmed text fields get the Dutch chain
/// (compound parts only at index time); *_exact and *_text fields get lower-casing and folding only.
/// </summary>
public static class DutchAnalysis
{
    /// <summary>Per-field analyzer for the IndexWriter.</summary>
    public static Analyzer Index => throw new NotImplementedException();

    /// <summary>Per-field analyzer for parsing queries: same chain, no compound splitting.</summary>
    public static Analyzer Query => throw new NotImplementedException();
}

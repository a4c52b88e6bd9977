using System.Collections.Frozen;
using Lucene.Net.Analysis.Nl;

namespace SearchKamer.Analysis;

/// <summary>
/// Snowball's Dutch stop words less the few that carry meaning in parliamentary text. The
/// filter runs before folding, so "één" (one) survives while "een" (a) is dropped.
/// </summary>
internal static class DutchStopWords
{
    // "wezen" is also a noun (orphans; Algemene Nabestaandenwet), "niets"/"geen"/"niet" are kept
    // as stop words: negation does not help a bag-of-words match.
    private static readonly string[] Kept = ["wezen"];

    public static FrozenSet<string> Set { get; } =
        DutchAnalyzer.DefaultStopSet.Select(w => w.ToString()!).Where(w => !Kept.Contains(w)).ToFrozenSet(StringComparer.Ordinal);
}

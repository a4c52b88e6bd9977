using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

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

    public static CharArraySet Set { get; } = Build();

    private static CharArraySet Build()
    {
        var words = new CharArraySet(LuceneVersion.LUCENE_48, DutchAnalyzer.DefaultStopSet.Count, ignoreCase: false);
        foreach (var word in DutchAnalyzer.DefaultStopSet)
        {
            if (!Kept.Contains(word))
            {
                words.Add(word);
            }
        }

        return words.AsReadOnly();
    }
}

using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchKamer.Search;

/// <summary>
/// Scores the pairs a search passed over while collecting (see <see cref="IBoundedScorer"/>) whose document reached the
/// page after all: a shown pair shows its score and is ordered by it. A fresh scorer per segment moves to each of them;
/// a page holds a few dozen pairs, a broad search passes over a hundred thousand.
/// </summary>
internal static class UnscoredPairs
{
    /// <param name="docs">Global doc ids, ascending.</param>
    public static IReadOnlyDictionary<int, float> Score(IndexSearcher searcher, Weight weight, IReadOnlyList<int> docs)
    {
        var scores = new Dictionary<int, float>(docs.Count);
        var leaves = searcher.IndexReader.Leaves;
        foreach (var inLeaf in docs.GroupBy(d => ReaderUtil.SubIndex(d, leaves)))
        {
            var leaf = leaves[inLeaf.Key];
            var scorer = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs)
                ?? throw new InvalidOperationException($"segment {leaf.Ord} has no scorer for pairs it matched");
            foreach (var doc in inLeaf)
            {
                var local = doc - leaf.DocBase;
                var at = scorer.DocID < local ? scorer.Advance(local) : scorer.DocID;
                scores[doc] = at == local ? scorer.GetScore()
                    : throw new InvalidOperationException($"pair {doc} matched while collecting but not when scored again");
            }
        }

        return scores;
    }
}

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// Two optional clauses (a phrase, prefix or fuzzy term in question and in answer), as a <see cref="BooleanQuery"/>
/// scores them, walked by <see cref="FlatDisjunctionScorer"/> instead of Lucene.Net's general disjunction (a heap
/// of sub-scorers, re-ordered on every doc). Scores are exactly the general scorer's: the sum of the matching
/// clauses times the coordination factor.
/// </summary>
internal sealed class EitherQuery : BooleanQuery
{
    public EitherQuery(Query first, Query second)
    {
        Add(first, Occur.SHOULD);
        Add(second, Occur.SHOULD);
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new EitherWeight(this, searcher);

    private sealed class EitherWeight(BooleanQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, query.CoordDisabled)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // A rewrite or a caller may have changed the clauses; anything but two optional ones goes the general way.
            var q = (BooleanQuery)Query;
            return m_weights.Count != 2 || q.MinimumNumberShouldMatch > 1 || q.Clauses.Any(c => c.Occur != Occur.SHOULD)
                ? base.GetScorer(context, acceptDocs)
                : FlatDisjunctionScorer.Create(this, [[m_weights[0]], [m_weights[1]]], context, acceptDocs, FlatDisjunctionScorer.Coords(this, q.CoordDisabled));
        }
    }
}

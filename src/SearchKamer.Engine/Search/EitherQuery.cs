using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// Two optional clauses (a phrase, prefix or fuzzy term in question and in answer), as a <see cref="BooleanQuery"/>
/// scores them, walked by <see cref="FlatDisjunctionScorer"/> instead of Lucene.Net's general disjunction (a heap
/// of sub-scorers, re-ordered on every doc). Scores are exactly the general scorer's: the sum of the matching
/// clauses times the coordination factor. Two clauses of filtered pairs (a prefix) are walked as bit sets instead
/// (<see cref="BitsEitherScorer"/>).
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
        // What the clauses were normalised with: a constant-score clause scores its boost times their product.
        private (float Norm, float TopLevelBoost)? _normalised;

        public override void Normalize(float norm, float topLevelBoost)
        {
            base.Normalize(norm, topLevelBoost);
            _normalised = (norm, topLevelBoost * Query.Boost);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // A rewrite or a caller may have changed the clauses; anything but two optional ones goes the general way.
            var q = (BooleanQuery)Query;
            if (m_weights.Count != 2 || q.MinimumNumberShouldMatch > 1 || q.Clauses.Any(c => c.Occur != Occur.SHOULD))
            {
                return base.GetScorer(context, acceptDocs);
            }

            var coord = FlatDisjunctionScorer.Coords(this, q.CoordDisabled);
            return BitSets(context, acceptDocs, coord, out var bits) ? bits
                : FlatDisjunctionScorer.Create(this, [[m_weights[0]], [m_weights[1]]], context, acceptDocs, coord);
        }

        /// <summary>
        /// Two clauses of filtered pairs (a prefix or wildcard rewritten to constant scores) whose filters give bit sets:
        /// their scorer over the union of the sets (null where neither holds a pair). False for any other shape.
        /// </summary>
        private bool BitSets(AtomicReaderContext context, IBits? acceptDocs, float[] coord, out Scorer? scorer)
        {
            scorer = null;
            if (_normalised is not { } n || m_weights[0].Query is not ConstantScoreQuery { Filter: { } first } a
                || m_weights[1].Query is not ConstantScoreQuery { Filter: { } second } b)
            {
                return false;
            }

            var sets = (First: first.GetDocIdSet(context, acceptDocs), Second: second.GetDocIdSet(context, acceptDocs));
            if (sets.First is not (null or FixedBitSet) || sets.Second is not (null or FixedBitSet))
            {
                return false;
            }

            if (sets.First is FixedBitSet || sets.Second is FixedBitSet)
            {
                var (x, y) = ((FixedBitSet?)sets.First, (FixedBitSet?)sets.Second);
                var cost = (x?.GetIterator().GetCost() ?? 0) + (y?.GetIterator().GetCost() ?? 0);
                // As a constant-score weight normalises: its boost times (norm times the boost from above).
                var norm = n.Norm * n.TopLevelBoost;
                scorer = new BitsEitherScorer(this, x?.GetBits() ?? [], y?.GetBits() ?? [], (a.Boost * norm, b.Boost * norm), coord, cost);
            }

            return true;
        }
    }
}

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// Two optional clauses, as a <see cref="BooleanQuery"/> scores them, with a scorer made for two.
/// Every word searched in question and answer is such a pair, and Lucene.Net's general disjunction
/// (a heap of sub-scorers, re-ordered on every doc) was the largest single cost of a broad search.
/// Scores are exactly the general scorer's: the sum of the matching clauses times the coordination factor.
/// </summary>
internal sealed class EitherQuery : BooleanQuery
{
    public EitherQuery(Query first, Query second)
    {
        Add(first, Occur.SHOULD);
        Add(second, Occur.SHOULD);
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new EitherWeight(this, searcher, CoordDisabled);

    private sealed class EitherWeight(BooleanQuery query, IndexSearcher searcher, bool coordDisabled)
        : BooleanWeight(query, searcher, coordDisabled)
    {
        private readonly bool _coordDisabled = query.CoordDisabled;

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // A rewrite or a caller may have changed the clauses; anything but two optional ones goes the general way.
            var q = (BooleanQuery)Query;
            if (m_weights.Count != 2 || q.MinimumNumberShouldMatch > 1 || q.Clauses.Any(c => c.Occur != Occur.SHOULD))
            {
                return base.GetScorer(context, acceptDocs);
            }

            var first = m_weights[0].GetScorer(context, acceptDocs);
            var second = m_weights[1].GetScorer(context, acceptDocs);
            if (first is null && second is null)
            {
                return null;
            }

            // A clause whose terms this segment lacks is an exhausted side: the other scores alone, times coord(1, 2).
            float[] coord = [0f, _coordDisabled ? 1f : Coord(1, MaxCoord), _coordDisabled ? 1f : Coord(2, MaxCoord)];
            return new EitherScorer(this, first, second, coord);
        }
    }

    private sealed class EitherScorer(Weight weight, Scorer? first, Scorer? second, float[] coord) : Scorer(weight)
    {
        private int _first = first is null ? NO_MORE_DOCS : -1;
        private int _second = second is null ? NO_MORE_DOCS : -1;
        private int _doc = -1;

        public override int DocID => _doc;

        public override int Freq => (_first == _doc ? 1 : 0) + (_second == _doc ? 1 : 0);

        public override int NextDoc()
        {
            if (_first == _doc)
            {
                _first = first!.NextDoc();
            }

            if (_second == _doc)
            {
                _second = second!.NextDoc();
            }

            return _doc = Math.Min(_first, _second);
        }

        public override int Advance(int target)
        {
            if (_first < target)
            {
                _first = first!.Advance(target);
            }

            if (_second < target)
            {
                _second = second!.Advance(target);
            }

            return _doc = Math.Min(_first, _second);
        }

        public override float GetScore()
        {
            // Summed in double and then rounded, as Lucene's disjunction does: the same float either way round.
            double sum = 0;
            var matching = 0;
            if (_first == _doc)
            {
                sum += first!.GetScore();
                matching++;
            }

            if (_second == _doc)
            {
                sum += second!.GetScore();
                matching++;
            }

            return (float)sum * coord[matching];
        }

        public override long GetCost() => (first?.GetCost() ?? 0) + (second?.GetCost() ?? 0);

        public override ICollection<ChildScorer> GetChildren() =>
            [.. new[] { first, second }.OfType<Scorer>().Select(s => new ChildScorer(s, "SHOULD"))];
    }
}

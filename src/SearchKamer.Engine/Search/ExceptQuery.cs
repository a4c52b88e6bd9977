using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// One required clause without what the prohibited ones match ("gemeente NOT belasting"), scored as a
/// <see cref="BooleanQuery"/> scores it (the required clause's score times coord(1, 1)), by a scorer made for
/// that shape: Lucene.Net's general one wraps the required clause in a conjunction of one and a match counter,
/// and asks each of them on every hit.
/// </summary>
internal sealed class ExceptQuery(bool disableCoord) : BooleanQuery(disableCoord)
{
    public override Weight CreateWeight(IndexSearcher searcher) => new ExceptWeight(this, searcher);

    /// <summary>The same clauses, boost and coordination as <paramref name="b"/>, which must <see cref="Fits"/>.</summary>
    public static ExceptQuery Of(BooleanQuery b)
    {
        var except = new ExceptQuery(b.CoordDisabled) { Boost = b.Boost };
        foreach (var c in b.Clauses)
        {
            except.Add(c.Query, c.Occur);
        }

        return except;
    }

    /// <summary>Whether a boolean query has this shape: exactly one clause that must match, and only prohibited others.</summary>
    public static bool Fits(BooleanQuery b) =>
        b.MinimumNumberShouldMatch == 0 && b.Clauses.Count(c => c.Occur == Occur.MUST) == 1 && b.Clauses.All(c => c.Occur != Occur.SHOULD)
        && b.Clauses.Any(c => c.Occur == Occur.MUST_NOT);

    private sealed class ExceptWeight(BooleanQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, query.CoordDisabled)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // A rewrite or a caller may have changed the clauses; any other shape goes the general way.
            var q = (BooleanQuery)Query;
            if (!Fits(q))
            {
                return base.GetScorer(context, acceptDocs);
            }

            Scorer? required = null;
            var excluded = new List<Scorer>();
            for (var i = 0; i < m_weights.Count; i++)
            {
                var scorer = m_weights[i].GetScorer(context, acceptDocs);
                if (q.Clauses[i].Occur == Occur.MUST_NOT)
                {
                    if (scorer is not null)
                    {
                        excluded.Add(scorer);
                    }
                }
                else if (scorer is null)
                {
                    return null;
                }
                else
                {
                    required = scorer;
                }
            }

            return new ExceptScorer(this, required!, [.. excluded], q.CoordDisabled ? 1f : Coord(1, MaxCoord));
        }
    }

    private sealed class ExceptScorer(Weight weight, Scorer required, Scorer[] excluded, float coord) : Scorer(weight)
    {
        private readonly int[] _excludedAt = Enumerable.Repeat(-1, excluded.Length).ToArray();

        public override int DocID => required.DocID;

        public override int Freq => required.Freq;

        public override int NextDoc() => Allowed(required.NextDoc());

        public override int Advance(int target) => Allowed(required.Advance(target));

        public override float GetScore() => required.GetScore() * coord;

        public override long GetCost() => required.GetCost();

        public override ICollection<ChildScorer> GetChildren() =>
            [new ChildScorer(required, "MUST"), .. excluded.Select(e => new ChildScorer(e, "MUST_NOT"))];

        /// <summary>The first doc from <paramref name="doc"/> on that no excluded clause matches.</summary>
        private int Allowed(int doc)
        {
            while (doc != NO_MORE_DOCS && IsExcluded(doc))
            {
                doc = required.NextDoc();
            }

            return doc;
        }

        private bool IsExcluded(int doc)
        {
            for (var i = 0; i < excluded.Length; i++)
            {
                if (_excludedAt[i] < doc)
                {
                    _excludedAt[i] = excluded[i].Advance(doc);
                }

                if (_excludedAt[i] == doc)
                {
                    return true;
                }
            }

            return false;
        }
    }
}

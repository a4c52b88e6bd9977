using System.Collections.Concurrent;
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

    /// <summary>
    /// Excluded words ("gemeente NOT belasting") whose postings are shorter than the required clause's are read
    /// once per segment into a bit set, and each candidate asks one bit. Advancing every term of an excluded word
    /// to each candidate made the NOT of two common words dearer than its positive part, which collects more hits.
    /// Any other excluded clause is advanced to each candidate.
    /// </summary>
    private sealed class ExceptWeight(BooleanQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, query.CoordDisabled)
    {
        // Stretches of one segment are searched side by side with scorers of their own; they share its bit set, or
        // its finding (null) that the excluded words are the commoner side there.
        private readonly ConcurrentDictionary<AtomicReader, Lazy<FixedBitSet?>> _bits = new();

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // A rewrite or a caller may have changed the clauses; any other shape goes the general way.
            var q = (BooleanQuery)Query;
            if (!Fits(q))
            {
                return base.GetScorer(context, acceptDocs);
            }

            Scorer? required = null;
            var words = new List<(Weight Weight, List<Term> Terms)>();
            var excluded = new List<Scorer>();
            for (var i = 0; i < m_weights.Count; i++)
            {
                if (q.Clauses[i].Occur == Occur.MUST)
                {
                    if ((required = m_weights[i].GetScorer(context, acceptDocs)) is null)
                    {
                        return null;
                    }
                }
                else if (TermDocBits.TermsOfDisjunction(q.Clauses[i].Query) is { } terms)
                {
                    words.Add((m_weights[i], terms));
                }
                else if (m_weights[i].GetScorer(context, acceptDocs) is { } scorer)
                {
                    excluded.Add(scorer);
                }
            }

            var excludedTerms = words.SelectMany(w => w.Terms).ToList();
            var bits = excludedTerms.Count == 0 ? null
                : _bits.GetOrAdd(context.AtomicReader, r => new Lazy<FixedBitSet?>(() => RarerThan(required!, r, excludedTerms))).Value;
            if (bits is null)
            {
                excluded.AddRange(words.Select(w => w.Weight.GetScorer(context, acceptDocs)).OfType<Scorer>());
            }

            return new ExceptScorer(this, required!, bits, [.. excluded], q.CoordDisabled ? 1f : Coord(1, MaxCoord));
        }
    }

    /// <summary>The docs of the segment holding one of the excluded terms, when there are some and fewer than the required clause's; else null.</summary>
    private static FixedBitSet? RarerThan(Scorer required, AtomicReader reader, List<Term> terms) =>
        TermDocBits.Cost(reader, terms) is var cost and > 0 && cost <= required.GetCost() ? TermDocBits.Read(reader, terms) : null;

    private sealed class ExceptScorer(Weight weight, Scorer required, FixedBitSet? excludedDocs, Scorer[] excluded, float coord)
        : Scorer(weight), IBoundedScorer, IReadAheadScorer
    {
        private readonly int[] _excludedAt = Enumerable.Repeat(-1, excluded.Length).ToArray();

        public override int DocID => required.DocID;

        public override int Freq => required.Freq;

        public override int NextDoc() => Allowed(required.NextDoc());

        public override int Advance(int target) => Allowed(required.Advance(target));

        public override float GetScore() => required.GetScore() * coord;

        // Walked doc after doc, this walks the required clause doc after doc too.
        public void ReadAhead() => (required as IReadAheadScorer)?.ReadAhead();

        // The required clause is asked against a threshold a millionth lower, so that its bound times the coordination
        // factor, rounded, stays below the threshold too.
        public float GetScore(float threshold)
        {
            if (required is not IBoundedScorer bounded || !(threshold > 0))
            {
                return GetScore();
            }

            var score = bounded.GetScore(threshold / coord * (1 - 1e-6f));
            return float.IsNaN(score) ? score : score * coord;
        }

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
            if (excludedDocs is not null && excludedDocs.Get(doc))
            {
                return true;
            }

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

using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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
    /// straight from their postings, without frequencies: beside the required word's own windows where it reads ahead
    /// (<see cref="DisjunctionWindow.Exclude"/>), so no excluded doc is ever visited; else once per segment into a bit
    /// set that each candidate asks. Advancing every term of an excluded word to each candidate made the NOT of two
    /// common words dearer than its positive part, which collects more hits. Any other excluded clause is advanced to
    /// each candidate.
    /// </summary>
    private sealed class ExceptWeight(BooleanQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, query.CoordDisabled)
    {
        // Stretches of one segment are searched side by side with scorers of their own; those that do not read ahead
        // share its bit set, read by the first that asks.
        private readonly ConcurrentDictionary<AtomicReader, Lazy<FixedBitSet>> _bits = new();

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

            var reader = context.AtomicReader;
            var coord = q.CoordDisabled ? 1f : Coord(1, MaxCoord);
            List<Term> excludedTerms = [.. words.SelectMany(w => w.Terms)];
            if (TermDocBits.Cost(reader, excludedTerms) is not (var cost and > 0) || cost > required!.GetCost())
            {
                // The excluded words are the commoner side: each is asked only for the required clause's docs.
                excluded.AddRange(words.Select(w => w.Weight.GetScorer(context, acceptDocs)).OfType<Scorer>());
                return new ExceptScorer(this, required!, null, null, [.. excluded], coord);
            }

            var bits = _bits.GetOrAdd(reader, r => new Lazy<FixedBitSet>(() => TermDocBits.Read(r, excludedTerms)));
            return required is FlatDisjunctionScorer { Dense: true }
                ? new ExceptScorer(this, required, new ExcludedWords(reader, excludedTerms, bits), null, [.. excluded], coord)
                : new ExceptScorer(this, required, null, bits.Value, [.. excluded], coord);
        }
    }

    /// <summary>Excluded words read from their postings: either window by window or as the segment's bit set, whichever the scorer can use.</summary>
    internal sealed record ExcludedWords(AtomicReader Reader, List<Term> Terms, Lazy<FixedBitSet> Bits);

    internal sealed class ExceptScorer(Weight weight, Scorer required, ExcludedWords? words, FixedBitSet? excludedDocs, Scorer[] excluded, float coord)
        : Scorer(weight), IBoundedScorer, IReadAheadScorer
    {
        private readonly int[] _excludedAt = Enumerable.Repeat(-1, excluded.Length).ToArray();
        private readonly IBoundedScorer? _bounded = required as IBoundedScorer;
        // The excluded words, until they are read in the required word's windows; their postings leapt to the first
        // candidates, then their bit set.
        private ExcludedWords? _words = words;
        private DocIdSetIterator[]? _wordDocs;
        private int _wordChecks;
        private FixedBitSet? _excludedDocs = excludedDocs;

        /// <summary>Candidates checked against an excluded word's postings before its bit set is read: a page's pairs, scored again.</summary>
        private const int LeapsBeforeBits = 64;

        public override int DocID => required.DocID;

        public override int Freq => required.Freq;

        public override int NextDoc() => Allowed(required.NextDoc());

        public override int Advance(int target) => Allowed(required.Advance(target));

        public override float GetScore() => required.GetScore() * coord;

        /// <summary>
        /// Walked doc after doc, this walks the required clause doc after doc too, and drops the excluded words' docs
        /// from its windows. When they were all the excluded clauses and the coordination factor is one, the required
        /// clause alone is then walked: it finds the same docs with the same scores, without a call through this scorer
        /// per doc.
        /// </summary>
        public Scorer ReadAhead() => ReadAhead(flat => flat.ReadAhead());

        /// <param name="readInWindows">Asks the required word, when it is a flat disjunction, to read in windows (tests choose their size).</param>
        internal Scorer ReadAhead(Action<FlatDisjunctionScorer> readInWindows)
        {
            if (required is not FlatDisjunctionScorer flat)
            {
                (required as IReadAheadScorer)?.ReadAhead();
                return this;
            }

            readInWindows(flat);
            if (!flat.InWindows || _words is not { } w)
            {
                return this;
            }

            flat.Exclude(TermDocBits.Open(w.Reader, w.Terms));
            _words = null;
            return excluded.Length == 0 && coord == 1f ? flat : this;
        }

        // The required clause is asked against a threshold a millionth lower, so that its bound times the coordination
        // factor, rounded, stays below the threshold too.
        public float GetScore(float threshold)
        {
            if (_bounded is not { } bounded || !(threshold > 0))
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

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool IsExcluded(int doc) =>
            (_excludedDocs is { } bits ? bits.Get(doc) : _words is { } w && IsExcludedWord(w, doc)) || (excluded.Length > 0 && IsExcludedByClause(doc));

        private bool IsExcludedByClause(int doc)
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

        /// <summary>
        /// Whether an excluded word is on <paramref name="doc"/>: its postings leapt to the first candidates (a page's
        /// pairs scored again, a scorer asked for a few docs), the segment's bit set read for the rest.
        /// </summary>
        private bool IsExcludedWord(ExcludedWords words, int doc)
        {
            if (++_wordChecks > LeapsBeforeBits)
            {
                _excludedDocs = words.Bits.Value;
                return _excludedDocs.Get(doc);
            }

            _wordDocs ??= TermDocBits.Open(words.Reader, words.Terms);
            var on = false;
            foreach (var docs in _wordDocs)
            {
                on |= (docs.DocID < doc ? docs.Advance(doc) : docs.DocID) == doc;
            }

            return on;
        }
    }
}

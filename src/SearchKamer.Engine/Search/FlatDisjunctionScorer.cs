using System.Numerics;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// Optional clauses of optional sub-clauses (a word's terms per field; or two phrases, one per field), walked as
/// one flat list of scorers instead of Lucene.Net's heap per level. A group's scores are summed in double and
/// rounded, then the groups likewise, then times the coordination factor of the groups that match: the order
/// and rounding of Lucene's nested disjunctions, so the same float.
/// Score-only terms (<see cref="TableTermQuery.ScoreOnly"/>) do not lead: they are moved to a doc only when it
/// is scored, so docs a filter, a facet selection or a NOT turns away never read their postings. A score-only
/// term (a word's written form) counts at most as often as its group's first term (the stem) occurs in the doc:
/// every written occurrence is an occurrence of the stem, except where folding merges forms the stemmed chain keeps
/// apart (the article "een" for "één"). That cap bounds the written form's score by the stem's frequency, so a
/// pair that cannot reach the page is told so without its written form's postings being read.
/// </summary>
internal sealed partial class FlatDisjunctionScorer : Scorer, IBoundedScorer, IReadAheadScorer
{
    private readonly Scorer[] _terms;
    // The terms that find docs, and those that only add to their score (moved there when it is asked).
    private readonly int[] _leading;
    private readonly int[] _trailing;
    private readonly int[] _docs;
    private readonly int[] _group;
    // Per term: for a trailing term, the index of the term whose frequency caps it (-1: none, it adds nothing);
    // for any other term, NotTrailing.
    private readonly int[] _capBy;
    private readonly float[] _coord;
    // Per term, the scorer as a table term where it is one (the usual case), to score it without a virtual call per
    // step; and the frequency each term was last scored at, which its trailing written form's bound then reuses.
    private readonly TableTermScorer?[] _tables;
    private readonly int[] _freqs;
    // With at most 64 terms: per term, the trailing terms it caps (as bits); and the leading terms that sit on the current
    // doc, found while moving to it. Scoring then visits only those and their trailing terms: a common word's doc holds
    // one or two of its six terms, and passing over the others was most of the scoring loop.
    private readonly ulong[]? _capped;
    private ulong _at;
    private int _doc = -1;

    private const int NotTrailing = -2;

    private FlatDisjunctionScorer(Weight weight, Scorer[] terms, bool[] scoreOnly, int[] group, int[] first, float[] coord, int maxDoc)
        : base(weight)
    {
        _maxDoc = maxDoc;
        _terms = terms;
        // Without a term that finds docs, every term leads (nothing else would move them).
        var anyLeading = scoreOnly.Contains(false);
        _leading = [.. Enumerable.Range(0, terms.Length).Where(i => !anyLeading || !scoreOnly[i])];
        _trailing = [.. Enumerable.Range(0, terms.Length).Where(i => anyLeading && scoreOnly[i])];
        _group = group;
        _capBy = new int[terms.Length];
        Array.Fill(_capBy, NotTrailing);
        foreach (var i in _trailing)
        {
            // The cap comes before its trailing term in the same group, so the group's sum has begun when it adds.
            var cap = first[group[i]];
            _capBy[i] = cap >= 0 && cap < i && !scoreOnly[cap] && terms[i] is TableTermScorer ? cap : -1;
        }

        _coord = coord;
        if (terms.Length <= 64)
        {
            _capped = new ulong[terms.Length];
            foreach (var i in _trailing.Where(i => _capBy[i] >= 0))
            {
                _capped[_capBy[i]] |= 1UL << i;
            }
        }

        _tables = [.. terms.Select(t => t as TableTermScorer)];
        _freqs = new int[terms.Length];
        _docs = new int[terms.Length];
        Array.Fill(_docs, -1);
    }

    /// <param name="groups">Per clause, the weights of its sub-clauses (a clause of its own: one weight).</param>
    /// <param name="coord">By the number of clauses that match.</param>
    public static Scorer? Create(Weight weight, IReadOnlyList<IList<Weight>> groups, AtomicReaderContext context, IBits? acceptDocs, float[] coord)
    {
        var terms = new List<Scorer>();
        var scoreOnly = new List<bool>();
        var group = new List<int>();
        // Per group, the index of its first weight's scorer when that weight is a plain term (a word's stem); else -1.
        var first = new int[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            first[g] = -1;
            for (var w = 0; w < groups[g].Count; w++)
            {
                var term = groups[g][w];
                if (term.GetScorer(context, acceptDocs) is { } scorer)
                {
                    if (w == 0 && term.Query is TableTermQuery { ScoreOnly: false })
                    {
                        first[g] = terms.Count;
                    }

                    terms.Add(scorer);
                    scoreOnly.Add(term.Query is TableTermQuery { ScoreOnly: true });
                    group.Add(g);
                }
            }
        }

        return terms.Count == 0 ? null : new FlatDisjunctionScorer(weight, [.. terms], [.. scoreOnly], [.. group], first, coord, context.AtomicReader.MaxDoc);
    }

    /// <summary>A boolean weight's coordination factor by the number of its clauses that match (all 1 when disabled).</summary>
    public static float[] Coords(BooleanQuery.BooleanWeight weight, bool disabled)
    {
        var coord = new float[weight.MaxCoord + 1];
        for (var i = 1; i < coord.Length; i++)
        {
            coord[i] = disabled ? 1f : weight.Coord(i, weight.MaxCoord);
        }

        return coord;
    }

    public override int DocID => _doc;

    public override int Freq => Matching();

    public override int NextDoc()
    {
        if (_window is { } window)
        {
            return InWindow(window.NextDoc());
        }

        var min = NO_MORE_DOCS;
        var at = 0UL;
        foreach (var i in _leading)
        {
            var d = _docs[i];
            if (d == _doc)
            {
                d = _docs[i] = _terms[i].NextDoc();
            }

            (min, at) = Nearest(min, at, d, i);
        }

        _at = at;
        return _doc = min;
    }

    public override int Advance(int target)
    {
        if (_window is { } window)
        {
            return InWindow(window.Advance(target));
        }

        var min = NO_MORE_DOCS;
        var at = 0UL;
        foreach (var i in _leading)
        {
            var d = _docs[i];
            if (d < target)
            {
                // Passing a failing document (HitCollector), the term's next doc is mostly already past it (filtered
                // common words 2 % faster than a skip, conjunctions unchanged).
                d = MoveTo(i, target);
            }

            (min, at) = Nearest(min, at, d, i);
        }

        _at = at;
        return _doc = min;
    }

    /// <summary>The nearer doc and the terms on it, given term <paramref name="i"/> at <paramref name="d"/> (the bit wraps past 64 terms, unread then).</summary>
    private static (int Min, ulong At) Nearest(int min, ulong at, int d, int i) =>
        d < min ? (d, 1UL << i) : d == min ? (min, at | (1UL << i)) : (min, at);

    public override float GetScore()
    {
        CatchUpCapped();
        return Sum(bound: false);
    }

    public float GetScore(float threshold) =>
        Bounds && !float.IsNegativeInfinity(threshold) && Sum(bound: true) < threshold ? float.NaN : GetScore();

    /// <summary>Whether <see cref="UpperBound"/> reads fewer postings than the score: there are trailing terms.</summary>
    internal bool Bounds => _trailing.Length > 0;

    /// <summary>At least the current doc's score, read without the trailing terms' postings.</summary>
    internal float UpperBound() => Bounds ? Sum(bound: true) : GetScore();

    /// <summary>
    /// The score, or with <paramref name="bound"/> an upper bound of it that reads no trailing postings: each trailing
    /// term is scored at its cap's frequency, which is at least the frequency it is scored at. The same sums in the
    /// same order and rounding, with no smaller part, so the bound is never below the score.
    /// </summary>
    private float Sum(bool bound)
    {
        // Most pairs of a common word hold one leading term (its stem in one field), which caps one written form: that
        // sum is added straight, without the loop over terms and groups below, whose branches differ from pair to pair
        // (measured: the bound was a quarter of a common word's search). The same parts in the same order and rounding.
        var capped = _capped;
        if (capped is not null && BitOperations.IsPow2(_at))
        {
            var i = BitOperations.TrailingZeroCount(_at);
            if (BitOperations.IsPow2(capped[i]) && _tables[i] is { } stem)
            {
                var j = BitOperations.TrailingZeroCount(capped[i]);
                var written = _tables[j]!;
                var freq = _freqs[i] = LeadingFreq(i);
                var part = bound ? written.ScoreAt(_doc, freq)
                    : _docs[j] == _doc ? written.ScoreAt(_doc, Math.Min(written.Freq, freq)) : 0f;
                return (float)((double)stem.ScoreAt(_doc, freq) + part) * _coord[1];
            }
        }

        var sum = new GroupSum();
        MarkLeadingOnDoc();
        if (capped is not null)
        {
            // Only the leading terms on the doc and the trailing terms they cap can add; ascending, as below.
            for (var terms = _at | CappedOnDoc(capped); terms != 0; terms &= terms - 1)
            {
                Add(BitOperations.TrailingZeroCount(terms), bound, ref sum);
            }
        }
        else
        {
            for (var i = 0; i < _docs.Length; i++)
            {
                Add(i, bound, ref sum);
            }
        }

        return (float)(sum.Total + (float)sum.Clause) * _coord[sum.Matching];
    }

    /// <summary>Adds term <paramref name="i"/>'s part of the score at the current doc, if it has one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Add(int i, bool bound, ref GroupSum sum)
    {
        var cap = _capBy[i];
        if (cap != NotTrailing)
        {
            // Without its cap in the doc (or without a cap at all) a trailing term counts zero times. The cap
            // comes before it in the group, so its frequency at this doc has just been read.
            if (cap >= 0 && _docs[cap] == _doc && (bound || _docs[i] == _doc))
            {
                var freq = bound ? _freqs[cap] : Math.Min(_tables[i]!.Freq, _freqs[cap]);
                sum.Clause += _tables[i]!.ScoreAt(_doc, freq);
            }

            return;
        }

        if (_docs[i] != _doc)
        {
            return;
        }

        if (_group[i] != sum.Current)
        {
            sum.Total += (float)sum.Clause;
            sum.Clause = 0;
            sum.Current = _group[i];
            sum.Matching++;
        }

        if (_tables[i] is { } table)
        {
            var freq = _freqs[i] = LeadingFreq(i);
            sum.Clause += table.ScoreAt(_doc, freq);
        }
        else
        {
            _freqs[i] = _terms[i].Freq;
            sum.Clause += _terms[i].GetScore();
        }
    }

    /// <summary>The groups summed so far (each rounded to float), the current group's sum, and how many groups matched.</summary>
    private struct GroupSum()
    {
        public double Total;
        public double Clause;
        public int Matching;
        public int Current = -1;
    }

    public override long GetCost() => _leading.Sum(i => _terms[i].GetCost());

    public override ICollection<ChildScorer> GetChildren() => [.. _terms.Select(t => new ChildScorer(t, "SHOULD"))];

    private void CatchUp()
    {
        foreach (var i in _trailing)
        {
            CatchUp(i);
        }
    }

    /// <summary>
    /// Moves to the current doc the trailing terms whose caps sit there, and every other one step at most: a written
    /// form counts nowhere else, and a pair of a word in one field (most of them) made the other field's written form
    /// skip to each scored pair of a conjunction for nothing. One step keeps a word scored pair by pair reading its
    /// postings in order, as before; a term left behind is caught up where it next may count.
    /// </summary>
    private void CatchUpCapped()
    {
        if (_capped is null)
        {
            CatchUp();
            return;
        }

        var capped = CappedOnDoc(_capped);
        foreach (var i in _trailing)
        {
            if ((capped & (1UL << i)) != 0)
            {
                CatchUp(i);
            }
            else if (_docs[i] < _doc)
            {
                _docs[i] = _terms[i].NextDoc();
            }
        }
    }

    /// <summary>The trailing terms capped by the leading terms on the current doc: the only ones that can add to its score.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong CappedOnDoc(ulong[] capped)
    {
        var trailing = 0UL;
        for (var at = _at; at != 0; at &= at - 1)
        {
            trailing |= capped[BitOperations.TrailingZeroCount(at)];
        }

        return trailing;
    }

    private void CatchUp(int i)
    {
        if (_docs[i] < _doc)
        {
            // Scoring every doc, the next posting is usually the one; under a filter a skip is cheaper.
            MoveTo(i, _doc);
        }
    }

    /// <summary>Moves term <paramref name="i"/> (behind <paramref name="target"/>) one step, and skips only if that falls short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int MoveTo(int i, int target)
    {
        var d = _terms[i].NextDoc();
        return _docs[i] = d < target ? _terms[i].Advance(target) : d;
    }

    private int Matching()
    {
        CatchUp();
        MarkLeadingOnDoc();
        var matching = 0;
        var current = -1;
        for (var i = 0; i < _docs.Length; i++)
        {
            if (_docs[i] == _doc && _group[i] != current)
            {
                current = _group[i];
                matching++;
            }
        }

        return matching;
    }
}

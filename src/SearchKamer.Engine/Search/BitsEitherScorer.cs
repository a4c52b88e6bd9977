using System.Numerics;
using Lucene.Net.Search;

namespace SearchKamer.Search;

/// <summary>
/// A prefix or wildcard in question and in answer: two constant-score clauses whose pairs are read into a bit set per
/// field. Walked word by word over the union of the two sets, with the score of a pair from which of them hold it,
/// instead of two bit-set iterators merged pair by pair and summed (a third of a prefix search's time). Scores are
/// the boolean query's: the matching clauses' constant scores summed, times the coordination factor.
/// </summary>
internal sealed class BitsEitherScorer : Scorer
{
    private readonly long[] _first;
    private readonly long[] _second;
    private readonly int _words;
    private readonly float _onlyFirst;
    private readonly float _onlySecond;
    private readonly float _both;
    private readonly long _cost;
    private int _doc = -1;
    private int _word = -1;
    // The union's bits of the current word above the current pair.
    private ulong _rest;

    /// <param name="first">The first clause's pairs (empty: none in this segment).</param>
    /// <param name="scores">Each clause's constant score.</param>
    /// <param name="coord">By the number of clauses that match.</param>
    /// <param name="cost">What the two clauses' own iterators would have said (kept, so splitting and bounding decide as before).</param>
    public BitsEitherScorer(Weight weight, long[] first, long[] second, (float First, float Second) scores, float[] coord, long cost)
        : base(weight)
    {
        _first = first;
        _second = second;
        _words = Math.Max(first.Length, second.Length);
        _onlyFirst = scores.First * coord[1];
        _onlySecond = scores.Second * coord[1];
        // In double and rounded once, as the boolean scorer sums its clauses.
        _both = (float)((double)scores.First + scores.Second) * coord[2];
        _cost = cost;
    }

    public override int DocID => _doc;

    public override int Freq => (In(_first) ? 1 : 0) + (In(_second) ? 1 : 0);

    public override int NextDoc()
    {
        while (_rest == 0)
        {
            if (++_word >= _words)
            {
                _rest = 0;
                return _doc = NO_MORE_DOCS;
            }

            _rest = Union(_word);
        }

        return Take();
    }

    public override int Advance(int target)
    {
        if (target >= _words << 6)
        {
            _word = _words;
            _rest = 0;
            return _doc = NO_MORE_DOCS;
        }

        _word = target >> 6;
        _rest = Union(_word) & (ulong.MaxValue << (target & 63));
        return NextDoc();
    }

    public override float GetScore() => In(_first) ? In(_second) ? _both : _onlyFirst : _onlySecond;

    public override long GetCost() => _cost;

    private int Take()
    {
        var bit = BitOperations.TrailingZeroCount(_rest);
        _rest &= _rest - 1;
        return _doc = (_word << 6) + bit;
    }

    private ulong Union(int word) =>
        (ulong)((word < _first.Length ? _first[word] : 0) | (word < _second.Length ? _second[word] : 0));

    private bool In(long[] bits) => _doc >> 6 is var word && word < bits.Length && (bits[word] & (1L << _doc)) != 0;
}

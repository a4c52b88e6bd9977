using Lucene.Net.Search;

namespace SearchKamer.Search;

/// <summary>
/// The alternatives of an <see cref="AlternativesQuery"/>, scored as Lucene's disjunction scores them: the sum of those
/// that match, in double, rounded, times their coordination factor. Bounded by the bounds of its words, so that a pair
/// that cannot reach the page reads none of their written forms. A scorer of its own rather than a flat scorer over the
/// words: nested in itself, the flat scorer's calls to its terms met two kinds of scorer, and a word with its synonym was
/// walked a quarter slower (docs/benchmarks.md).
/// </summary>
internal sealed class AlternativesScorer : Scorer, IBoundedScorer
{
    private readonly Scorer?[] _alternatives;
    private readonly float[] _coord;
    private readonly bool _bounds;
    // Per alternative, the doc it is on (an alternative that is not there never reaches one).
    private readonly int[] _at;
    private int _doc = -1;

    private AlternativesScorer(Weight weight, Scorer?[] alternatives, float[] coord)
        : base(weight)
    {
        (_alternatives, _coord) = (alternatives, coord);
        _at = [.. alternatives.Select(a => a is null ? NO_MORE_DOCS : -1)];
        _bounds = alternatives.Any(a => a is FlatDisjunctionScorer { Bounds: true });
    }

    /// <param name="coord">By the number of alternatives that match.</param>
    /// <returns>Null where no alternative matches in the segment.</returns>
    public static Scorer? Create(Weight weight, Scorer?[] alternatives, float[] coord) =>
        alternatives.All(a => a is null) ? null : new AlternativesScorer(weight, alternatives, coord);

    public override int DocID => _doc;

    public override int Freq => _at.Count(d => d == _doc);

    public override int NextDoc()
    {
        var min = NO_MORE_DOCS;
        for (var i = 0; i < _at.Length; i++)
        {
            if (_at[i] == _doc)
            {
                _at[i] = _alternatives[i]!.NextDoc();
            }

            min = Math.Min(min, _at[i]);
        }

        return _doc = min;
    }

    public override int Advance(int target)
    {
        var min = NO_MORE_DOCS;
        for (var i = 0; i < _at.Length; i++)
        {
            if (_at[i] < target)
            {
                _at[i] = _alternatives[i]!.Advance(target);
            }

            min = Math.Min(min, _at[i]);
        }

        return _doc = min;
    }

    public override float GetScore() => Sum(bound: false);

    public float GetScore(float threshold) =>
        _bounds && !float.IsNegativeInfinity(threshold) && Sum(bound: true) < threshold ? float.NaN : GetScore();

    public override long GetCost() => _alternatives.Sum(a => a?.GetCost() ?? 0);

    public override ICollection<ChildScorer> GetChildren() =>
        [.. _alternatives.OfType<Scorer>().Select(s => new ChildScorer(s, "SHOULD"))];

    /// <summary>
    /// The score, or with <paramref name="bound"/> a bound of it: each word at its own bound, never below its score.
    /// Lucene's disjunction adds in the order of its heap, this in the order of the clauses; floats whose magnitudes lie
    /// within 2^29 of each other add up exactly in double, in any order, so the sums are the same.
    /// </summary>
    private float Sum(bool bound)
    {
        var sum = 0.0;
        var matching = 0;
        for (var i = 0; i < _at.Length; i++)
        {
            if (_at[i] == _doc)
            {
                sum += bound && _alternatives[i] is FlatDisjunctionScorer word ? word.UpperBound() : _alternatives[i]!.GetScore();
                matching++;
            }
        }

        return (float)sum * _coord[matching];
    }
}

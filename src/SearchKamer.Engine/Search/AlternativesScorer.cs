using Lucene.Net.Search;

namespace SearchKamer.Search;

/// <summary>
/// Two alternatives of which one is a word at least ("covid OR coronavirus", or a word and its synonym, which the
/// query reader writes as "financiën OR fin"), scored as Lucene's disjunction of two clauses scores them: their sum
/// times the coordination factor of those that match. Bounded by the bounds of its words, so that a pair that cannot
/// reach the page reads none of their written forms. A scorer of its own rather than a flat scorer over the two words:
/// nested in itself, the flat scorer's calls to its terms met two kinds of scorer, and a word with its synonym was
/// walked a quarter slower (docs/benchmarks.md).
/// </summary>
internal sealed class AlternativesScorer : Scorer, IBoundedScorer
{
    private readonly Scorer? _first;
    private readonly Scorer? _second;
    private readonly float[] _coord;
    private readonly bool _bounds;
    private int _firstAt;
    private int _secondAt;
    private int _doc = -1;

    private AlternativesScorer(Weight weight, Scorer? first, Scorer? second, float[] coord)
        : base(weight)
    {
        (_first, _second, _coord) = (first, second, coord);
        // An alternative that is not there never reaches the current doc.
        _firstAt = first is null ? NO_MORE_DOCS : -1;
        _secondAt = second is null ? NO_MORE_DOCS : -1;
        _bounds = first is FlatDisjunctionScorer { Bounds: true } || second is FlatDisjunctionScorer { Bounds: true };
    }

    /// <param name="coord">By the number of alternatives that match.</param>
    /// <returns>Null where neither alternative matches in the segment.</returns>
    public static Scorer? Create(Weight weight, Scorer? first, Scorer? second, float[] coord) =>
        first is null && second is null ? null : new AlternativesScorer(weight, first, second, coord);

    public override int DocID => _doc;

    public override int Freq => (_firstAt == _doc ? 1 : 0) + (_secondAt == _doc ? 1 : 0);

    public override int NextDoc()
    {
        if (_firstAt == _doc)
        {
            _firstAt = _first!.NextDoc();
        }

        if (_secondAt == _doc)
        {
            _secondAt = _second!.NextDoc();
        }

        return _doc = Math.Min(_firstAt, _secondAt);
    }

    public override int Advance(int target)
    {
        if (_firstAt < target)
        {
            _firstAt = _first!.Advance(target);
        }

        if (_secondAt < target)
        {
            _secondAt = _second!.Advance(target);
        }

        return _doc = Math.Min(_firstAt, _secondAt);
    }

    public override float GetScore() => Sum(bound: false);

    public float GetScore(float threshold) =>
        _bounds && !float.IsNegativeInfinity(threshold) && Sum(bound: true) < threshold ? float.NaN : GetScore();

    public override long GetCost() => (_first?.GetCost() ?? 0) + (_second?.GetCost() ?? 0);

    public override ICollection<ChildScorer> GetChildren() =>
        [.. new[] { _first, _second }.OfType<Scorer>().Select(s => new ChildScorer(s, "SHOULD"))];

    /// <summary>
    /// The score, or with <paramref name="bound"/> a bound of it: each word at its own bound, never below its score. Two
    /// floats add exactly in double, so in either order this is the double sum Lucene's disjunction rounds.
    /// </summary>
    private float Sum(bool bound)
    {
        if (_firstAt != _doc)
        {
            return Part(_second!, bound) * _coord[1];
        }

        var first = Part(_first!, bound);
        return _secondAt == _doc ? (float)((double)first + Part(_second!, bound)) * _coord[2] : first * _coord[1];
    }

    private static float Part(Scorer alternative, bool bound) =>
        bound && alternative is FlatDisjunctionScorer word ? word.UpperBound() : alternative.GetScore();
}

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
/// is scored, so docs a filter, a facet selection or a NOT turns away never read their postings.
/// </summary>
internal sealed class FlatDisjunctionScorer : Scorer
{
    private readonly Scorer[] _terms;
    // The terms that find docs, and those that only add to their score (moved there when it is asked).
    private readonly int[] _leading;
    private readonly int[] _trailing;
    private readonly int[] _docs;
    private readonly int[] _group;
    private readonly float[] _coord;
    private int _doc = -1;

    private FlatDisjunctionScorer(Weight weight, Scorer[] terms, bool[] scoreOnly, int[] group, float[] coord)
        : base(weight)
    {
        _terms = terms;
        // Without a term that finds docs, every term leads (nothing else would move them).
        var anyLeading = scoreOnly.Contains(false);
        _leading = [.. Enumerable.Range(0, terms.Length).Where(i => !anyLeading || !scoreOnly[i])];
        _trailing = [.. Enumerable.Range(0, terms.Length).Where(i => anyLeading && scoreOnly[i])];
        _group = group;
        _coord = coord;
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
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var term in groups[g])
            {
                if (term.GetScorer(context, acceptDocs) is { } scorer)
                {
                    terms.Add(scorer);
                    scoreOnly.Add(term.Query is TableTermQuery { ScoreOnly: true });
                    group.Add(g);
                }
            }
        }

        return terms.Count == 0 ? null : new FlatDisjunctionScorer(weight, [.. terms], [.. scoreOnly], [.. group], coord);
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
        var min = NO_MORE_DOCS;
        foreach (var i in _leading)
        {
            var d = _docs[i];
            if (d == _doc)
            {
                d = _docs[i] = _terms[i].NextDoc();
            }

            min = Math.Min(min, d);
        }

        return _doc = min;
    }

    public override int Advance(int target)
    {
        var min = NO_MORE_DOCS;
        foreach (var i in _leading)
        {
            var d = _docs[i];
            if (d < target)
            {
                d = _docs[i] = _terms[i].Advance(target);
            }

            min = Math.Min(min, d);
        }

        return _doc = min;
    }

    public override float GetScore()
    {
        CatchUp();
        double total = 0;
        double clause = 0;
        var matching = 0;
        var current = -1;
        for (var i = 0; i < _docs.Length; i++)
        {
            if (_docs[i] != _doc)
            {
                continue;
            }

            if (_group[i] != current)
            {
                total += (float)clause;
                clause = 0;
                current = _group[i];
                matching++;
            }

            clause += _terms[i].GetScore();
        }

        return (float)(total + (float)clause) * _coord[matching];
    }

    public override long GetCost() => _leading.Sum(i => _terms[i].GetCost());

    public override ICollection<ChildScorer> GetChildren() => [.. _terms.Select(t => new ChildScorer(t, "SHOULD"))];

    private void CatchUp()
    {
        foreach (var i in _trailing)
        {
            var d = _docs[i];
            if (d < _doc)
            {
                // Scoring every doc, the next posting is usually the one; under a filter a skip is cheaper.
                d = _terms[i].NextDoc();
                _docs[i] = d < _doc ? _terms[i].Advance(_doc) : d;
            }
        }
    }

    private int Matching()
    {
        CatchUp();
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

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// One typed word in each of several text fields: a <see cref="WordQuery"/> per field, as optional clauses
/// with the coordination factor (a word found in question and answer ranks above one found in either).
/// It scores exactly as that nested <see cref="BooleanQuery"/>, but walks the postings of all its terms as
/// one flat list: Lucene.Net's disjunction keeps a heap per level and re-orders it on every doc, and for a
/// common word those heaps were a third of the whole request.
/// </summary>
internal sealed class WordAcrossQuery : BooleanQuery
{
    public WordAcrossQuery(IReadOnlyList<string> fields, RankedWord word, bool matchOnly = false)
    {
        Targets = fields;
        Word = word;
        foreach (var field in fields)
        {
            Add(new WordQuery(field, word, matchOnly), Occur.SHOULD);
        }
    }

    public IReadOnlyList<string> Targets { get; }

    public RankedWord Word { get; }

    /// <summary>The same pairs without the score-only clauses (see <see cref="WordQuery.MatchOnly"/>).</summary>
    public WordAcrossQuery MatchOnly() => new(Targets, Word, matchOnly: true);

    public override Weight CreateWeight(IndexSearcher searcher) => new AcrossWeight(this, searcher);

    private sealed class AcrossWeight(BooleanQuery query, IndexSearcher searcher)
        : BooleanWeight(query, searcher, query.CoordDisabled)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // A rewrite or a caller may have changed the clauses; anything else goes the general way.
            var q = (BooleanQuery)Query;
            if (q.MinimumNumberShouldMatch > 0 || q.Clauses.Any(c => c.Occur != Occur.SHOULD) || m_weights.Any(w => w is not WordQuery.WordWeight { Flat: true }))
            {
                return base.GetScorer(context, acceptDocs);
            }

            var coord = new float[MaxCoord + 1];
            for (var i = 1; i < coord.Length; i++)
            {
                coord[i] = q.CoordDisabled ? 1f : Coord(i, MaxCoord);
            }

            return FlatWordScorer.Create(this, [.. m_weights.Cast<WordQuery.WordWeight>().Select(w => w.Terms)], context, acceptDocs, coord);
        }
    }
}

/// <summary>
/// The term postings of a word's clauses, grouped by the clause (field) they belong to, walked together.
/// A field's terms are summed in double and rounded, then the fields likewise, then times the coordination
/// factor of the fields that match: the order and rounding of Lucene's nested disjunctions, so the same float.
/// </summary>
internal sealed class FlatWordScorer : Scorer
{
    private readonly Scorer[] _terms;
    private readonly int[] _docs;
    private readonly int[] _group;
    private readonly float[] _coord;
    private int _doc = -1;

    private FlatWordScorer(Weight weight, Scorer[] terms, int[] group, float[] coord)
        : base(weight)
    {
        _terms = terms;
        _group = group;
        _coord = coord;
        _docs = new int[terms.Length];
        Array.Fill(_docs, -1);
    }

    /// <param name="groups">Per clause, the weights of its terms.</param>
    /// <param name="coord">By the number of clauses that match.</param>
    public static Scorer? Create(Weight weight, IReadOnlyList<IList<Weight>> groups, AtomicReaderContext context, IBits? acceptDocs, float[] coord)
    {
        var terms = new List<Scorer>();
        var group = new List<int>();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var term in groups[g])
            {
                if (term.GetScorer(context, acceptDocs) is { } scorer)
                {
                    terms.Add(scorer);
                    group.Add(g);
                }
            }
        }

        return terms.Count == 0 ? null : new FlatWordScorer(weight, [.. terms], [.. group], coord);
    }

    public override int DocID => _doc;

    public override int Freq => Matching();

    public override int NextDoc()
    {
        var min = NO_MORE_DOCS;
        for (var i = 0; i < _docs.Length; i++)
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
        for (var i = 0; i < _docs.Length; i++)
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

    public override long GetCost() => _terms.Sum(t => t.GetCost());

    public override ICollection<ChildScorer> GetChildren() => [.. _terms.Select(t => new ChildScorer(t, "SHOULD"))];

    private int Matching()
    {
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

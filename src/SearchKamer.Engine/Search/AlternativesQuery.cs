using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// "a OR b OR …" with a word among the alternatives (and a word with its synonyms, which the query reader writes so:
/// "financiën OR fin"), scored exactly as a <see cref="BooleanQuery"/> of optional clauses scores them, by
/// <see cref="AlternativesScorer"/>: Lucene.Net's disjunction scores every pair of every alternative and offers no bound,
/// so no pair of an "or" could go unscored the way a single word's pairs do.
/// </summary>
internal sealed class AlternativesQuery : BooleanQuery
{
    public AlternativesQuery(IEnumerable<Query> alternatives)
    {
        foreach (var alternative in alternatives)
        {
            Add(alternative, Occur.SHOULD);
        }
    }

    /// <summary>Whether clauses the parser joined have this shape: two or more, all optional, a word among them.</summary>
    public static bool Fits(IList<BooleanClause> clauses) =>
        clauses.Count >= 2 && clauses.All(c => c.Occur == Occur.SHOULD) && clauses.Any(c => c.Query is WordAcrossQuery or WordQuery);

    public override Weight CreateWeight(IndexSearcher searcher) => new AlternativesWeight(this, searcher);

    private sealed class AlternativesWeight(BooleanQuery query, IndexSearcher searcher) : BooleanWeight(query, searcher, query.CoordDisabled)
    {
        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            // A rewrite or a caller may have changed the clauses; anything but optional ones goes the general way.
            var q = (BooleanQuery)Query;
            if (q.MinimumNumberShouldMatch > 1 || q.Clauses.Any(c => c.Occur != Occur.SHOULD))
            {
                return base.GetScorer(context, acceptDocs);
            }

            return AlternativesScorer.Create(this, [.. m_weights.Select(w => w.GetScorer(context, acceptDocs))],
                FlatDisjunctionScorer.Coords(this, q.CoordDisabled));
        }
    }
}

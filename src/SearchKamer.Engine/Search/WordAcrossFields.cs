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

            return FlatDisjunctionScorer.Create(this, [.. m_weights.Cast<WordQuery.WordWeight>().Select(w => w.Terms)], context, acceptDocs, FlatDisjunctionScorer.Coords(this, q.CoordDisabled));
        }
    }
}

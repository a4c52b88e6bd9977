using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>
/// The bound that lets a pair go unscored when it cannot reach the page (<see cref="IBoundedScorer"/>): never below the
/// pair's score, and equal to it where nothing but the written form's frequency could lower the score.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class ScoreBoundTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData("minister", SearchIn.Both)]
    [InlineData("gemeente", SearchIn.Both)]
    [InlineData("kabinet", SearchIn.Answer)]
    [InlineData("zorg NOT ziekenhuis", SearchIn.Both)]
    [InlineData("gemeente OR provincie", SearchIn.Both)]
    [InlineData("minister OR \"kabinet\"", SearchIn.Both)] // a word beside a written word: the shape of a word and its synonym
    [InlineData("gemeente OR provincie OR rijk", SearchIn.Both)]
    public void A_pair_asked_against_its_own_score_is_always_scored_and_against_more_than_any_score_never(string input, SearchIn searchIn)
    {
        // The bound that lets a pair go unscored must never be below the pair's score: asked whether it can reach
        // its own score, every pair must answer with that score; asked to beat more than every score, none is read.
        var query = QueryReader.Read(input, searchIn).Query!;
        var (pairs, unreachable) = corpus.Index.Read(searcher =>
        {
            var weight = searcher.CreateNormalizedWeight(query);
            var (pairs, unreachable) = (0, 0);
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var exact = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                var asked = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                var above = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                if (exact is null)
                {
                    continue;
                }

                Assert.IsAssignableFrom<IBoundedScorer>(asked);
                while (exact.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(exact.DocID, asked!.NextDoc());
                    Assert.Equal(exact.DocID, above!.NextDoc());
                    var score = exact.GetScore();
                    Assert.Equal(score, ((IBoundedScorer)asked).GetScore(score));
                    unreachable += float.IsNaN(((IBoundedScorer)above).GetScore(1e30f)) ? 1 : 0;
                    pairs++;
                }
            }

            return (pairs, unreachable);
        });

        Assert.True(pairs > 20, $"{input}: only {pairs} pairs");
        Assert.Equal(pairs, unreachable);
    }

    [Theory]
    [InlineData("minister", "minister", "minister")]
    [InlineData("gemeente", "gemeent", "gemeente")]
    [InlineData("onderzoek", "onderzoek", "onderzoek")]
    public void A_pairs_bound_is_its_score_where_the_written_word_occurs_as_often_as_its_stem(string input, string stem, string written)
    {
        // The bound scores the written form at its stem's frequency, so where the two are equal in question and in answer
        // it is the score itself: asked to beat the next float above the score, such a pair must go unscored; elsewhere the
        // bound lies above the score.
        var query = QueryReader.Read(input, SearchIn.Both).Query!;
        var (tight, loose) = corpus.Index.Read(searcher =>
        {
            var weight = searcher.CreateNormalizedWeight(query);
            var (tight, loose) = (0, 0);
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var exact = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                var above = weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs);
                var postings = new[] { (Fields.Question, stem), (Fields.QuestionExact, written), (Fields.Answer, stem), (Fields.AnswerExact, written) }
                    .Select(t => leaf.AtomicReader.GetTermDocsEnum(new Term(t.Item1, t.Item2))).ToArray();
                while (exact is not null && exact.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    Assert.Equal(exact.DocID, above!.NextDoc());
                    var f = postings.Select(p => FreqAt(p, exact.DocID)).ToArray();
                    var bounded = ((IBoundedScorer)above).GetScore(MathF.BitIncrement(exact.GetScore()));
                    if (f[0] == f[1] && f[2] == f[3])
                    {
                        Assert.True(float.IsNaN(bounded), $"{input}: doc {exact.DocID} was scored {bounded}");
                        tight++;
                    }
                    else
                    {
                        // A written form rarer than its stem is scored lower than its bound: the pair is still read.
                        Assert.False(float.IsNaN(bounded), $"{input}: doc {exact.DocID} went unscored");
                        loose++;
                    }
                }
            }

            return (tight, loose);
        });

        Assert.True(tight >= 5 && tight + loose > 20, $"{input}: {tight} tight and {loose} other pairs");
    }

    /// <summary>How often the term of <paramref name="postings"/> occurs in <paramref name="doc"/> (asked in ascending doc order).</summary>
    private static int FreqAt(DocsEnum? postings, int doc)
    {
        if (postings is null)
        {
            return 0;
        }

        var at = postings.DocID < doc ? postings.Advance(doc) : postings.DocID;
        return at == doc ? postings.Freq : 0;
    }
}

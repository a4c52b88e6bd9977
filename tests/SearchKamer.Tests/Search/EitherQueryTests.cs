using Lucene.Net.Search;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>A word in question or answer is scored by a scorer made for two clauses; it must find and score as Lucene's own.</summary>
[Collection(CorpusIndexCollection.Name)]
public class EitherQueryTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData("gemeente")]
    [InlineData("externe inhuur")]
    [InlineData("\"externe inhuur\"")]
    [InlineData("\"de minister\"~3 gemeente")]
    [InlineData("inhuur*")]
    [InlineData("gemeente OR provincie")]
    [InlineData("jeugdzorg -gemeente")]
    [InlineData("ministr~")]
    [InlineData("escortbureau")]
    public void Either_query_finds_the_same_pairs_with_the_same_scores_as_a_boolean_query(string input)
    {
        var parsed = new UserQueryParser(FieldAliases.TextFields(SearchIn.Both)).Parse(input);
        Assert.True(Contains<EitherQuery>(parsed), $"{input}: {parsed}");

        var searcher = corpus.Index.Searchers.Acquire();
        try
        {
            var fast = searcher.Search(parsed, searcher.IndexReader.MaxDoc).ScoreDocs;
            var general = searcher.Search(Generalise(parsed), searcher.IndexReader.MaxDoc).ScoreDocs;
            Assert.NotEmpty(fast);
            Assert.Equal(general.Select(d => (d.Doc, d.Score)), fast.Select(d => (d.Doc, d.Score)));
        }
        finally
        {
            corpus.Index.Searchers.Release(searcher);
        }
    }

    [Fact]
    public void A_word_in_one_field_only_is_its_own_query()
    {
        var parsed = new UserQueryParser(FieldAliases.TextFields(SearchIn.Question)).Parse("gemeente");
        Assert.False(Contains<EitherQuery>(parsed), parsed.ToString());
    }

    private static bool Contains<T>(Query q) => q is T || (q is BooleanQuery b && b.Clauses.Any(c => Contains<T>(c.Query)));

    /// <summary>The same query with every clause list a plain <see cref="BooleanQuery"/>.</summary>
    private static Query Generalise(Query q)
    {
        if (q is not BooleanQuery b)
        {
            return q;
        }

        var plain = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost, MinimumNumberShouldMatch = b.MinimumNumberShouldMatch };
        foreach (var c in b.Clauses)
        {
            plain.Add(Generalise(c.Query), c.Occur);
        }

        return plain;
    }
}

namespace SearchKamer.Tests.Search;

/// <summary>
/// Issue 20: a question set and its own answer, and sets on the same subject, find each other among the first
/// three similar questions. The pairs were found by reading the corpus (the Limburg set holds the questions of
/// 2024Z18792 and their answer as separate files; two sets on the Nutri-Score; two on APG's ICT).
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class SimilarQuestionsTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData("kv-tk-2024z18792", 1, "ah-tk-20242025-605")]
    [InlineData("ah-tk-20242025-605", 1, "kv-tk-2024z18792")]
    [InlineData("ah-tk-20242025-614", 2, "ah-tk-20242025-613")]
    [InlineData("ah-tk-20242025-609", 2, "ah-tk-20242025-608")]
    public void Question_sets_on_one_subject_find_each_other_in_the_top_three(string id, int number, string expected)
    {
        var similar = corpus.Engine.Similar(id, number, 3);
        Assert.NotNull(similar);
        Assert.Contains(expected, similar!.Select(d => d.Id));
    }
}

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
    [InlineData("kv-tk-2024z18792", 1, "file:antwoord_op_vragen_van_het_lid_boswijk_o.docx.txt")]
    [InlineData("file:antwoord_op_vragen_van_het_lid_crijns_ov.docx.txt", 2, "file:antwoord_op_vragen_van_het_lid_slagt-tic.docx.txt")]
    [InlineData("file:antwoord_op_vragen_van_het_lid_joseph_ov.docx.txt", 2, "file:antwoord_op_vragen_van_de_leden_kathmann.docx.txt")]
    public void Question_sets_on_one_subject_find_each_other_in_the_top_three(string id, int number, string expected)
    {
        var similar = corpus.Engine.Similar(id, number, 3);
        Assert.NotNull(similar);
        Assert.Contains(expected, similar!.Select(d => d.Id));
    }
}

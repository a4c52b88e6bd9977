using SearchKamer.Domain;
using SearchKamer.Dossiers;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;

namespace SearchKamer.Tests.Dossiers;

/// <summary>The course of one zaak from its real documents: order, days, deadline, lateness and what does not fit.</summary>
public sealed class DossierBuilderTests
{
    private static readonly DateOnly Today = new(2024, 12, 31);

    private static (string Key, KamervraagDocument Doc) Read(string file)
    {
        var doc = DocumentReader.Read(RepoPaths.CorpusFile("limburg", file)).Document!;
        return (DocumentMapper.KeyOf(doc), doc);
    }

    private static (string Key, KamervraagDocument Doc) QuestionSet => Read("De_ontkoppeling_van_ontwikkelingshulp.pdf.txt");

    private static (string Key, KamervraagDocument Doc) Answer => Read("Antwoord_op_vragen_van_het_lid_Boswijk_o.docx.txt");

    [Fact]
    public void A_question_set_and_its_answer_make_one_answered_dossier_in_date_order()
    {
        // Printed: "(ingezonden 19 november 2024)" on the questions, "(ontvangen 20 november 2024)" on the answer.
        var d = DossierBuilder.Build("2024Z18792", [Answer, QuestionSet], LatenessTerms.Default, Today);

        Assert.Equal(["vragen", "antwoord"], d.Members.Select(m => m.Kind));
        Assert.Equal(new DateOnly(2024, 11, 19), d.Submitted);
        Assert.Equal(new DateOnly(2024, 11, 20), d.Answered);
        Assert.Equal(DossierStatuses.Answered, d.Status);
        Assert.Equal(1, d.Days);
        Assert.False(d.Late);
        Assert.Equal("kv-tk-2024z18792", d.QuestionSetKey);
        Assert.Equal("ah-tk-20242025-605", d.AnswerKey);
        Assert.Empty(d.Warnings);
    }

    [Fact]
    public void An_open_question_set_is_late_after_the_term_and_the_term_is_a_setting()
    {
        var set = Read("Wachttijden_voor_stroomaansluitingen.pdf.txt");
        var submitted = set.Doc.DateSubmitted!.Value;

        var onTime = DossierBuilder.Build("z", [set], LatenessTerms.Default, submitted.AddDays(21));
        var late = DossierBuilder.Build("z", [set], LatenessTerms.Default, submitted.AddDays(22));
        var shortTerm = DossierBuilder.Build("z", [set], new LatenessTerms(TermDays: 5), submitted.AddDays(6));

        Assert.Equal((DossierStatuses.Open, 21, false), (onTime.Status, onTime.Days, onTime.Late));
        Assert.Equal((22, true), (late.Days, late.Late));
        Assert.Equal(submitted.AddDays(21), late.Deadline);
        Assert.True(shortTerm.Late);
    }

    [Fact]
    public void An_uitstel_notice_moves_the_deadline_by_the_postponement_setting()
    {
        var set = Read("Wachttijden_voor_stroomaansluitingen.pdf.txt");
        var notice = Read("Uitstel_beantwoording_vragen_van_het_lid.docx.txt");
        Assert.Equal(NoticeKind.Uitstel, notice.Doc.NoticeKind);
        var submitted = set.Doc.DateSubmitted!.Value;

        var d = DossierBuilder.Build("z", [set, notice], new LatenessTerms(21, 14), submitted.AddDays(30));

        Assert.True(d.Postponed);
        Assert.Equal(submitted.AddDays(35), d.Deadline);
        Assert.False(d.Late);
    }

    [Fact]
    public void Two_conflicting_answers_are_both_kept_with_a_warning()
    {
        var second = Answer.Doc with { OfficialId = "ah-tk-20242025-9999", DateReceived = new DateOnly(2024, 11, 25) };
        var d = DossierBuilder.Build("2024Z18792", [QuestionSet, Answer, ("ah-tk-20242025-9999", second)], LatenessTerms.Default, Today);

        Assert.Equal(3, d.Members.Count);
        Assert.Equal("ah-tk-20242025-605", d.AnswerKey);
        Assert.Contains(d.Warnings, w => w.StartsWith("2 antwoorden op dezelfde vragen", StringComparison.Ordinal));
    }

    [Fact]
    public void An_answer_without_its_question_set_is_a_dossier_with_a_warning()
    {
        var d = DossierBuilder.Build("2024Z18792", [Answer], LatenessTerms.Default, Today);

        Assert.Equal(DossierStatuses.Answered, d.Status);
        Assert.Null(d.QuestionSetKey);
        Assert.Null(d.Days);
        Assert.Contains(d.Warnings, w => w.StartsWith("de vragen zelf staan niet in de index", StringComparison.Ordinal));
    }

    [Fact]
    public void A_notice_after_the_answer_is_shown_in_its_place_with_a_warning()
    {
        var notice = Read("Uitstel_beantwoording_vragen_van_het_lid.docx.txt");
        var late = notice.Doc with { DateReceived = new DateOnly(2024, 11, 28) };

        var d = DossierBuilder.Build("2024Z18792", [QuestionSet, Answer, (notice.Key, late)], LatenessTerms.Default, Today);

        Assert.Equal(["vragen", "antwoord", "mededeling"], d.Members.Select(m => m.Kind));
        Assert.Contains(d.Warnings, w => w.Contains("kwam na het antwoord van 2024-11-20", StringComparison.Ordinal));
    }

    [Fact]
    public void An_answer_letter_inherits_subject_and_askers_from_its_question_set()
    {
        var answer = Inheritance.Apply(Answer.Doc, QuestionSet.Doc);

        Assert.Null(Answer.Doc.Subject);
        Assert.Equal(QuestionSet.Doc.Subject, answer.Subject);
        Assert.Equal(QuestionSet.Doc.Askers, answer.Askers);
        Assert.Equal([Inheritance.Subject, Inheritance.Askers, Inheritance.Addressees], answer.Inherited);
    }

    [Fact]
    public void A_subject_that_disagrees_with_the_question_set_becomes_a_warning()
    {
        var answer = Answer.Doc with { Subject = "iets heel anders" };
        var read = Inheritance.Apply(answer, QuestionSet.Doc);

        Assert.Equal("iets heel anders", read.Subject);
        Assert.Contains(read.Warnings, w => w.StartsWith("onderwerp wijkt af van de vragen", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new[] { 5 }, 5.0, 5.0)]
    [InlineData(new[] { 1, 2, 3, 4 }, 2.5, 4.0)]
    [InlineData(new[] { 10, 1, 9, 2, 8, 3, 7, 4, 6, 5 }, 5.5, 9.0)]
    public void Median_and_nearest_rank_p90(int[] days, double median, double p90)
    {
        Assert.Equal(median, DossierStatistics.Median(days));
        Assert.Equal(p90, DossierStatistics.Percentile(days, 0.9));
    }
}

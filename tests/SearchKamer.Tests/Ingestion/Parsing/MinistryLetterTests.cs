using SearchKamer.Domain;
using SearchKamer.Ingestion;

namespace SearchKamer.Tests.Ingestion.Parsing;

/// <summary>
/// Real DOCX answer letters of the Ministerie van Justitie en Veiligheid (Fixtures/ministry-letters, source in
/// its SOURCES.md): a Rijkshuisstijl head with "Datum" and "Onderwerp", a signature, then the heading
/// "Antwoorden van de minister van X [mede namens de minister van Y] op Kamervragen van de leden … over …".
/// Every expected value was read from the letter's word/document.xml.
/// </summary>
public sealed class MinistryLetterTests
{
    private const string JenV = "Justitie en Veiligheid";

    [Fact]
    public void A_letter_answered_on_behalf_of_a_second_minister_names_askers_answerer_and_co_answerer()
    {
        var doc = Read("jenv-lahlah-chakor-hoofddoekjes-boa.docx");

        Assert.Equal(DocumentKind.Antwoord, doc.Kind);
        Assert.Equal(["Lahlah (GroenLinks-PvdA)", "Chakor (GroenLinks-PvdA)"], doc.Askers.Select(a => $"{a.Name} ({a.Party})"));
        var answerer = Assert.Single(doc.Answerers);
        Assert.Equal(("Minister", "D. Yeşilgöz-Zegerius", JenV), (answerer.Role, answerer.Name, answerer.Portfolio));
        Assert.Equal(["Minister van Binnenlandse Zaken en Koninkrijksrelaties"], doc.OnBehalfOf);
        Assert.Equal("verbieden van hoofddoekjes en andere religieuze uitingen bij boa’s", doc.Subject);
    }

    [Fact]
    public void The_letter_date_under_Datum_is_the_answer_date()
    {
        Assert.Equal(new DateOnly(2024, 5, 16), Read("jenv-lahlah-chakor-hoofddoekjes-boa.docx").DateReceived);
        Assert.Equal(new DateOnly(2024, 1, 11), Read("jenv-temmink-van-nispen-niet-noodnummer.docx").DateReceived);
    }

    [Fact]
    public void Nine_questions_each_answered_once_or_in_the_shared_answer_to_4_5_6_and_7()
    {
        var doc = Read("jenv-lahlah-chakor-hoofddoekjes-boa.docx");

        Assert.Equal(Enumerable.Range(1, 9), doc.Questions.Select(q => q.Number));
        Assert.All(doc.Questions, q => Assert.False(string.IsNullOrEmpty(q.Answer), $"vraag {q.Number} zonder antwoord"));
        Assert.StartsWith("Kent u het bericht", doc.Questions[0].Question, StringComparison.Ordinal);
        Assert.Equal("Ja.", doc.Questions[0].Answer);
        Assert.Equal([4, 5, 6, 7], doc.Questions[4].AnsweredWith);
        Assert.StartsWith("Nee, ik deel deze mening niet.", doc.Questions[8].Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_to_the_minister_with_beiden_names_both_askers_the_addressee_and_the_subject()
    {
        var doc = Read("jenv-temmink-van-nispen-niet-noodnummer.docx");

        Assert.Equal(["Temmink (SP)", "Van Nispen (SP)"], doc.Askers.Select(a => $"{a.Name} ({a.Party})"));
        Assert.Equal(["Minister van Justitie en Veiligheid"], doc.Addressees);
        var answerer = Assert.Single(doc.Answerers);
        Assert.Equal(("Minister", "D. Yeşilgöz-Zegerius", JenV), (answerer.Role, answerer.Name, answerer.Portfolio));
        Assert.Empty(doc.OnBehalfOf);
        Assert.Equal("het feit dat het niet noodgevallen nummer van de Brandweer in handen is van een commerciële partij", doc.Subject);
        Assert.Contains("2023Z19677", doc.ZaakNumbers);
    }

    [Fact]
    public void Ten_questions_with_the_answer_to_7_8_en_9_written_with_a_comma_before_en()
    {
        var doc = Read("jenv-temmink-van-nispen-niet-noodnummer.docx");

        Assert.Equal(Enumerable.Range(1, 10), doc.Questions.Select(q => q.Number));
        Assert.All(doc.Questions, q => Assert.False(string.IsNullOrEmpty(q.Answer), $"vraag {q.Number} zonder antwoord"));
        Assert.Equal([7, 8, 9], doc.Questions[7].AnsweredWith);
        Assert.StartsWith("Kunt u in kaart brengen", doc.Questions[9].Question, StringComparison.Ordinal);
        Assert.StartsWith("In het tweeminutendebat politie", doc.Questions[9].Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_heading_broken_over_two_paragraphs_names_four_askers_of_three_parties()
    {
        var doc = Read("jenv-mutluer-wolvega-politiebureau.docx");

        Assert.Equal(
            ["Mutluer (GroenLinks-PvdA)", "Lahlah (GroenLinks-PvdA)", "Boswijk (CDA)", "Helder (BBB)"],
            doc.Askers.Select(a => $"{a.Name} ({a.Party})"));
        var answerer = Assert.Single(doc.Answerers);
        Assert.Equal(("Minister", "D.M. van Weel", JenV), (answerer.Role, answerer.Name, answerer.Portfolio));
        Assert.Equal("de voorgenomen sluiting van het politiebureau in Wolvega", doc.Subject);
        Assert.Equal(Enumerable.Range(1, 8), doc.Questions.Select(q => q.Number));
        Assert.Equal([3, 8], doc.Questions[2].AnsweredWith);
        Assert.Equal(doc.Questions[2].Answer, doc.Questions[7].Answer);
        Assert.StartsWith("Het hoofdlijnenakkoord zal", doc.Questions[7].Answer, StringComparison.Ordinal);
    }

    [Fact]
    public void A_letter_of_another_ministry_on_Kamervragen_lid_without_van_het_reads_the_same_way()
    {
        var doc = Read("lnv-wassenberg-bijtincidenten-honden.docx");

        Assert.Equal(["Wassenberg (PvdD)"], doc.Askers.Select(a => $"{a.Name} ({a.Party})"));
        var answerer = Assert.Single(doc.Answerers);
        Assert.Equal(("Minister", "P. Adema", "Landbouw, Natuur en Voedselkwaliteit"), (answerer.Role, answerer.Name, answerer.Portfolio));
        Assert.Equal(["Minister van Justitie en Veiligheid"], doc.OnBehalfOf);
        Assert.StartsWith("het gebrek aan landelijke registratie van bijtincidenten door honden", doc.Subject, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2023, 10, 18), doc.DateReceived);
        Assert.Equal(Enumerable.Range(1, 14), doc.Questions.Select(q => q.Number));
        Assert.StartsWith("Wat is uw reactie op de ernstige bijtincidenten", doc.Questions[0].Question, StringComparison.Ordinal);
        Assert.StartsWith("Ik vind het vreselijk dat deze incidenten", doc.Questions[0].Answer, StringComparison.Ordinal);
        Assert.StartsWith("Helaas is het niet gelukt", doc.Questions[13].Answer, StringComparison.Ordinal);
    }

    private static KamervraagDocument Read(string file)
    {
        var result = DocumentReader.Read(Path.Combine(RepoPaths.Fixtures, "ministry-letters", file));
        Assert.Null(result.Error);
        return result.Document!;
    }
}

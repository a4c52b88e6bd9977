using System.Text.RegularExpressions;
using SearchKamer.Domain;
using SearchKamer.Ingestion;

namespace SearchKamer.Tests.Dossiers;

/// <summary>
/// Every document gets its real id and a readable title: ministry letters ("AH 616 / 2024Z15900 / Antwoord
/// van …") their aanhangsel id, question sets their kv-tk id, and header variants read as printed.
/// </summary>
public sealed partial class IdentityTests
{
    [GeneratedRegex(@"^AH (\d+)$")]
    private static partial Regex AhLine();

    /// <summary>The bundled letters: every Limburg text whose first line is "AH nnn".</summary>
    public static TheoryData<string> Letters()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(RepoPaths.CorpusFile("limburg")).Where(f => AhLine().IsMatch(File.ReadLines(f).First().Trim())).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(f));
        }

        return data;
    }

    [Fact]
    public void The_bundled_corpus_holds_sixteen_letters()
    {
        Assert.Equal(16, Letters().Count);
    }

    [Theory]
    [MemberData(nameof(Letters))]
    public void A_letter_gets_the_aanhangsel_id_of_its_AH_number_in_the_vergaderjaar_of_its_date(string file)
    {
        var lines = File.ReadAllLines(RepoPaths.CorpusFile("limburg", file));
        var number = AhLine().Match(lines[0].Trim()).Groups[1].Value;
        // All letters were received in November 2024, after Prinsjesdag (17 September 2024): vergaderjaar 2024-2025.
        Assert.Contains(lines.Take(5), l => l.Contains("november 2024)", StringComparison.Ordinal));
        var zaak = lines.Take(4).Select(l => Regex.Match(l, @"(20\d\d)Z ?(\d{5})")).First(m => m.Success);

        var doc = DocumentReader.Read(RepoPaths.CorpusFile("limburg", file)).Document!;

        Assert.Equal($"ah-tk-20242025-{number}", doc.OfficialId);
        Assert.Equal("2024-2025", doc.Vergaderjaar);
        Assert.Equal(int.Parse(number, System.Globalization.CultureInfo.InvariantCulture), doc.Aanhangselnummer);
        Assert.Contains($"{zaak.Groups[1].Value}Z{zaak.Groups[2].Value}", doc.ZaakNumbers);
        Assert.DoesNotContain("file:", DocumentTitle.Of(doc), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("16 september 2024", "ah-tk-20232024-7")]
    [InlineData("17 september 2024", "ah-tk-20242025-7")]
    [InlineData("18 september 2023", "ah-tk-20222023-7")]
    [InlineData("19 september 2023", "ah-tk-20232024-7")]
    public void The_vergaderjaar_of_a_letter_starts_on_Prinsjesdag(string received, string expected)
    {
        // Prinsjesdag, the third Tuesday of September: 17 September 2024 and 19 September 2023.
        var doc = Parse($"AH 7\n2024Z99999\nAntwoord van minister Heinen (Financiën) (ontvangen {received})\n\nVraag 1\nKunt u dit bevestigen?\n\nAntwoord op vraag 1\nJa.\n");
        Assert.Equal(expected, doc.OfficialId);
    }

    [Fact]
    public void A_question_set_with_one_zaak_gets_its_kv_tk_id()
    {
        var doc = DocumentReader.Read(RepoPaths.CorpusFile("limburg", "De_Ontbossingswet.docx.txt")).Document!;
        // The file prints "2024Z18885" on its first line; KOOP publishes question sets as kv-tk-<zaak>.
        Assert.Equal("2024Z18885", File.ReadLines(RepoPaths.CorpusFile("limburg", "De_Ontbossingswet.docx.txt")).First().Trim());
        Assert.Equal("kv-tk-2024Z18885", doc.OfficialId);
    }

    [Fact]
    public void A_plural_addressee_with_van_and_voor_is_two_offices()
    {
        var doc = Parse("Vragen van het lid Boswijk (CDA) aan de Ministers van Financiën en voor Buitenlandse Handel en Ontwikkelingshulp over de ontkoppeling van ontwikkelingshulp (ingezonden 19 november 2024).\n\nVraag 1\nKunt u dit bevestigen?\n");
        Assert.Equal(["Minister van Financiën", "Minister voor Buitenlandse Handel en Ontwikkelingshulp"], doc.Addressees);
    }

    [Fact]
    public void Two_answerers_without_a_joining_word_are_two_answerers()
    {
        var doc = Parse("Antwoord van minister Van Weel (Justitie en Veiligheid) van staatssecretaris Coenradie (Justitie en Veiligheid) (ontvangen 14 november 2024)\n\nVraag 1\nKunt u dit bevestigen?\n\nAntwoord op vraag 1\nJa.\n");
        Assert.Equal(["Van Weel", "Coenradie"], doc.Answerers.Select(a => a.Name));
        Assert.Equal(["Minister", "Staatssecretaris"], doc.Answerers.Select(a => a.Role));
    }

    [Fact]
    public void Ministry_names_keep_their_commas()
    {
        var doc = Parse("Vragen van het lid Dobbe (SP) aan de Staatssecretaris van Volksgezondheid, Welzijn en Sport en de Minister van Onderwijs, Cultuur en Wetenschap over de zorg (ingezonden 15 november 2024).\n\nVraag 1\nKunt u dit bevestigen?\n");
        Assert.Equal(["Staatssecretaris van Volksgezondheid, Welzijn en Sport", "Minister van Onderwijs, Cultuur en Wetenschap"], doc.Addressees);
    }

    [Fact]
    public void Words_glued_by_extraction_are_separated_in_offices()
    {
        var doc = Parse("Vragen van het lid Vijlbrief (D66) aan de Minister van Klimaaten Groene Groei en de Staatssecretaris vanFinanciën over de uitspraak (ingezonden 19 november 2024).\n\nVraag 1\nKunt u dit bevestigen?\n");
        Assert.Equal(["Minister van Klimaat en Groene Groei", "Staatssecretaris van Financiën"], doc.Addressees);

        var answer = Parse("Antwoord van staatssecretaris Karremans (Volksgezondheid, Welzijn enSport), mede namens de minister van Onderwijs, Cultuur enWetenschap (ontvangen 20 november 2024)\n\nVraag 1\nKunt u dit bevestigen?\n\nAntwoord op vraag 1\nJa.\n");
        Assert.Equal("Volksgezondheid, Welzijn en Sport", answer.Answerers.Single().Portfolio);
        Assert.Equal(["Minister van Onderwijs, Cultuur en Wetenschap"], answer.OnBehalfOf);
    }

    [Theory]
    [InlineData("Uitstel_beantwoording_vragen_van_de_lede.docx.txt", "Gabriëls|Bromet", "GroenLinks-PvdA", "de berichten dat Zeeuwse buffels te veel PFAS binnenkrijgen")]
    [InlineData("Uitstel_beantwoording_vragen_van_het_lid.docx.txt", "Flach", "SGP", "de beantwoording van schriftelijke vragen over het intrekken van vergunningen bij onderbezetting van stallen")]
    public void A_mededeling_letter_names_its_askers_and_subject_in_its_sentence(string file, string askers, string party, string subject)
    {
        // Expected values as the letters print them ("Op 6 november jl. hebben de leden Gabriëls en Bromet (beiden
        // GroenLinks-PvdA) schriftelijke vragen gesteld … over …", "De vragen van het lid Flach (SGP) over … (2024Z17067) kunnen niet …").
        var doc = DocumentReader.Read(RepoPaths.CorpusFile("limburg", file)).Document!;
        Assert.Equal(DocumentKind.Mededeling, doc.Kind);
        Assert.Equal(askers.Split('|'), doc.Askers.Select(a => a.Name));
        Assert.All(doc.Askers, a => Assert.Equal(party, a.Party));
        Assert.Equal(subject, doc.Subject);
    }

    [Fact]
    public void A_title_is_composed_from_the_metadata_when_the_subject_is_missing()
    {
        var doc = DocumentReader.Read(RepoPaths.CorpusFile("limburg", "Antwoord_op_vragen_van_de_leden_Hirsch_e.docx.txt")).Document!;
        // The letter prints "AH 616", "2024Z15900" and "Antwoord van minister Klever (Buitenlandse Handel en Ontwikkelingshulp)".
        Assert.Null(doc.Subject);
        Assert.Equal("Antwoord van minister Klever (Buitenlandse Handel en Ontwikkelingshulp) op vragen 2024Z15900", DocumentTitle.Of(doc));
    }

    private static KamervraagDocument Parse(string text)
    {
        var folder = Directory.CreateTempSubdirectory("identity-");
        try
        {
            var path = Path.Combine(folder.FullName, "kop.txt");
            File.WriteAllText(path, text);
            var read = DocumentReader.Read(path);
            Assert.True(read.Ok, read.Error);
            return read.Document!;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

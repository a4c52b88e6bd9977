using SearchKamer.Domain;
using SearchKamer.Ingestion;

namespace SearchKamer.Tests.Ingestion;

/// <summary>Every bundled document parses; kinds and question counts hold where they were read off the files by hand.</summary>
public class BundledCorpusTests
{
    public static TheoryData<string> TextFiles() => new(TextFilePaths());

    private static IEnumerable<string> TextFilePaths() =>
        new[] { "limburg", "seed", "learninglion-test-strings" }
            .SelectMany(dir => Directory.GetFiles(RepoPaths.CorpusFile(dir)).Order(StringComparer.Ordinal))
            .Select(file => Path.GetRelativePath(RepoPaths.Corpus, file));

    [Theory]
    [MemberData(nameof(TextFiles))]
    public void Every_bundled_text_parses_with_the_kind_its_title_names(string relative)
    {
        var result = DocumentReader.Read(RepoPaths.CorpusFile(relative));
        Assert.True(result.Ok, $"{relative}: {result.Error}");
        var name = Path.GetFileName(relative);

        // The Limburg file names are the Tweede Kamer's own titles: "Antwoord op …", "Uitstel beantwoording …", else the question set's subject.
        var expected = name.StartsWith("Uitstel_beantwoording", StringComparison.Ordinal) ? DocumentKind.Mededeling
            : name.StartsWith("Antwoord_op", StringComparison.Ordinal) || !relative.StartsWith("limburg", StringComparison.Ordinal) ? DocumentKind.Antwoord
            : DocumentKind.Vragen;
        Assert.Equal(expected, result.Document!.Kind);
    }

    [Theory]
    [InlineData("seed/2025D36086-opentk-page.txt", 12)]
    [InlineData("limburg/Antwoord_op_vragen_van_het_lid_Nordkamp_.docx.txt", 6)]
    [InlineData("limburg/Antwoord_op_vragen_van_het_lid_Joseph_ov.docx.txt", 15)]
    [InlineData("limburg/Antwoord_op_vragen_van_het_lid_Beckerman.docx.txt", 7)]
    [InlineData("limburg/Antwoord_op_vragen_van_het_lid_Boomsma_o.pdf.txt", 6)]
    [InlineData("limburg/Vergunningverlening_aan_escortbureaus.docx.txt", 6)]
    [InlineData("limburg/Het_bericht_‘Crisis_UWV_nog_groter,_ook_.docx.txt", 2)]
    [InlineData("limburg/Het_bericht_‘TEMU_schendt_privacy_door_t.pdf.txt", 0)]
    public void Question_count_matches_the_document(string relative, int count)
    {
        var doc = DocumentReader.Read(RepoPaths.CorpusFile(relative)).Document!;
        Assert.Equal(count, doc.Questions.Count);
        Assert.Equal(Enumerable.Range(1, count), doc.Questions.Select(q => q.Number));
    }

    [Fact]
    public void Letter_ranges_answer_every_question_they_name()
    {
        var doc = DocumentReader.Read(RepoPaths.CorpusFile("limburg", "Antwoord_op_vragen_van_het_lid_Joseph_ov.docx.txt")).Document!;
        Assert.Equal([4, 5, 6, 7], doc.Questions.Single(q => q.Number == 5).AnsweredWith);
        Assert.Equal([9, 10, 11, 12, 13, 14], doc.Questions.Single(q => q.Number == 14).AnsweredWith);
        Assert.StartsWith("Bent u bekend met het bericht", doc.Questions[0].Question);
        Assert.Equal("Ja, hier ben ik mee bekend.", doc.Questions[0].Answer);
        Assert.Equal(new SeeAlso("2024-2025", 248), doc.SeeAlso);
        Assert.Equal(["2024Z14247"], doc.ZaakNumbers);
    }

    [Fact]
    public void T_m_range_in_the_aanhangsel_is_one_combined_answer()
    {
        var doc = DocumentReader.Read(RepoPaths.CorpusFile("limburg", "Antwoord_op_vragen_van_het_lid_Boomsma_o.pdf.txt")).Document!;
        Assert.All(doc.Questions.Where(q => q.Number >= 2), q => Assert.Equal([2, 3, 4, 5, 6], q.AnsweredWith));
        Assert.Equal("Faber-Van de Klashorst", doc.Answerers.Single().Name);
        Assert.Equal("Asiel en Migratie", doc.Answerers.Single().Ministry);
    }

    [Fact]
    public void Postponement_letter_is_an_uitstel_notice_for_its_zaak()
    {
        var doc = DocumentReader.Read(RepoPaths.CorpusFile("limburg", "Uitstel_beantwoording_vragen_van_het_lid.docx.txt")).Document!;
        Assert.Equal(DocumentKind.Mededeling, doc.Kind);
        Assert.Equal(NoticeKind.Uitstel, doc.NoticeKind);
        Assert.Contains("gebruikelijke termijn", doc.Notice);
        Assert.Equal("2024Z17067", doc.ZaakNumbers.First());
        Assert.Equal("Wiersma", doc.Answerers.Single().Name);
        Assert.Equal(new DateOnly(2024, 11, 20), doc.DateReceived);
    }

    [Fact]
    public void Question_submission_reads_date_and_askers_with_the_typo_in_its_header()
    {
        var doc = DocumentReader.Read(RepoPaths.CorpusFile("limburg", "Het_bericht_‘Crisis_UWV_nog_groter,_ook_.docx.txt")).Document!;
        Assert.Equal(DocumentKind.Vragen, doc.Kind);
        Assert.Equal(new DateOnly(2024, 11, 20), doc.DateSubmitted);
        Assert.Equal(["Inge van Dijk", "Vijlbrief", "Ceder", "Patijn"], doc.Askers.Select(a => a.Name));
        Assert.Equal(["CDA", "D66", "ChristenUnie", "GroenLinks-PvdA"], doc.Askers.Select(a => a.Party));
        Assert.Equal(["Minister van Sociale Zaken en Werkgelegenheid"], doc.Addressees);
        Assert.Equal(["2024Z18882"], doc.ZaakNumbers);
    }

    [Fact]
    public void Oral_question_set_keeps_its_kv_tk_id_with_the_zaak_in_capitals()
    {
        // The footer of this question set prints "kv-tk-2024Z18775".
        var doc = DocumentReader.Read(RepoPaths.CorpusFile("limburg", "Het_bericht_‘TEMU_schendt_privacy_door_t.pdf.txt")).Document!;
        Assert.Equal("kv-tk-2024Z18775", doc.OfficialId);
        Assert.Equal(["2024Z18775"], doc.ZaakNumbers);
        Assert.Equal(new Asker("Krul", "CDA"), doc.Askers.Single());
    }

    [Fact]
    public void Seed_page_takes_ids_from_the_opentk_metadata()
    {
        var doc = DocumentReader.Read(RepoPaths.CorpusFile("seed", "2025D36086-opentk-page.txt")).Document!;
        Assert.Equal("ah-tk-20242025-2932", doc.OfficialId);
        Assert.Equal("2025D36086", doc.DocumentNumber);
        Assert.Contains("2025Z14546", doc.ZaakNumbers);
        Assert.Equal("2024-2025", doc.Vergaderjaar);
        Assert.Equal(2932, doc.Aanhangselnummer);
        Assert.Equal(new DateOnly(2025, 8, 29), doc.DateReceived);
        Assert.Equal(new Asker("Chakor", "GroenLinks-PvdA"), doc.Askers.Single());
        Assert.Equal("Van Weel", doc.Answerers.Single().Name);
        Assert.Equal("Ja.", doc.Questions[0].Answer);
        Assert.Contains(1, doc.Questions[0].Footnotes);
    }

    [Fact]
    public void No_footnote_reference_marker_is_left_in_question_or_answer_text()
    {
        var all = TextFilePaths().Select(f => DocumentReader.Read(RepoPaths.CorpusFile(f)).Document!).ToList();
        Assert.DoesNotContain(all.SelectMany(d => d.Questions).SelectMany(q => new[] { q.Question, q.Answer ?? "" }),
            text => text.Contains('\uE000') || text.Contains('\uE001'));
    }
}

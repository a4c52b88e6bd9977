using System.Text;
using SearchKamer.Ingestion.Extraction;
using Xunit;

namespace SearchKamer.Tests.Ingestion.Extraction;

public sealed class PlainTextExtractorTests
{
    private static readonly string Corpus = RepoPaths.Corpus;

    private static string Seed => Path.Combine(Corpus, "seed", "2025D36086-opentk-page.txt");

    private static string TestString(string name) => Path.Combine(Corpus, "learninglion-test-strings", name);

    private static string Limburg(string name) => Path.Combine(Corpus, "limburg", name);

    private static string Ref(int n) => FootnoteRef.Format(n);

    [Fact]
    public void Seed_page_metadata_comes_from_the_OpenTK_header()
    {
        var result = PlainTextExtractor.Extract(Seed);

        Assert.Equal("text", result.Format);
        Assert.Equal(["2025D36086"], result.Metadata[OpenTkPage.DocumentNumber]);
        Assert.Equal(["2025-08-29"], result.Metadata[OpenTkPage.Datum]);
        Assert.Equal(["Antwoord schriftelijke vragen"], result.Metadata[OpenTkPage.Soort]);
        Assert.Equal(["Antwoord op vragen van het lid Chakor over de publicatie van de WRR"], result.Metadata[OpenTkPage.Onderwerp]);
        Assert.Equal(["2025Z14546"], result.Metadata[OpenTkPage.Zaak]);
        Assert.Equal(["3"], result.Metadata[OpenTkPage.Versie]);
        Assert.Equal(["ah-tk-20242025-2932"], result.Metadata[FurnitureKeys.FooterId]);
        Assert.Equal(["2024-2025"], result.Metadata[FurnitureKeys.HeaderVergaderjaar]);
        Assert.Equal(["2932"], result.Metadata[FurnitureKeys.HeaderNumber]);
    }

    [Fact]
    public void Seed_body_starts_at_the_header_sentence_without_navigation()
    {
        var result = PlainTextExtractor.Extract(Seed);

        Assert.StartsWith("Vragen van het lid Chakor (GroenLinks-PvdA)", result.Lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(result.Lines, l => l.Contains("[overzicht]", StringComparison.Ordinal) || l.Contains("Preview document", StringComparison.Ordinal));
        Assert.Contains("", result.Lines);
    }

    [Fact]
    public void Seed_footnote_body_is_taken_out_and_its_marker_replaced()
    {
        var result = PlainTextExtractor.Extract(Seed);

        Assert.Equal(6, result.Footnotes.Count);
        Assert.Equal(1, result.Footnotes[0].Number);
        Assert.Equal("Wetenschappelijke Raad voor het Regeringsbeleid, Deskundige overheid (Den Haag 2025).", result.Footnotes[0].Text);
        Assert.Contains(result.Lines, l => l.EndsWith("over de deskundige overheid?" + Ref(1), StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lines, l => l.Contains('\u21A9', StringComparison.Ordinal));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Years_and_amounts_are_not_taken_for_footnote_markers()
    {
        var result = PlainTextExtractor.Extract(Seed);

        var line = Assert.Single(result.Lines, l => l.StartsWith("In 2024 bedroegen", StringComparison.Ordinal));
        Assert.Contains("3,67 miljard euro", line, StringComparison.Ordinal);
        Assert.Contains("Jaarrapportage Bedrijfsvoering Rijk 2024." + Ref(3) + " Het Rijk", line, StringComparison.Ordinal);

        var kostic = PlainTextExtractor.Extract(Limburg("Antwoord_op_vragen_van_het_lid_Kostic_ov.pdf.txt"));
        Assert.Contains("Jaar: 2019 2020 2021 2022 2023 2024", kostic.Lines);
    }

    [Fact]
    public void Glued_page_footer_is_removed_and_the_label_after_it_gets_its_own_line()
    {
        var result = PlainTextExtractor.Extract(TestString("ah-tk-20222023-3649.txt"));

        Assert.Contains("Antwoord 3", result.Lines);
        Assert.DoesNotContain(result.Lines, l => l.Contains("ISSN", StringComparison.Ordinal)
            || l.Contains("s-Gravenhage", StringComparison.Ordinal)
            || l.Contains("Tweede Kamer, vergaderjaar", StringComparison.Ordinal)
            || l.Contains("Staten-Generaal", StringComparison.Ordinal));
        Assert.Equal(["ah-tk-20222023-3649"], result.Metadata[FurnitureKeys.FooterId]);
        Assert.Equal(["2022-2023"], result.Metadata[FurnitureKeys.HeaderVergaderjaar]);
        Assert.Equal(["3649"], result.Metadata[FurnitureKeys.HeaderNumber]);
        Assert.StartsWith("Vragen van het lid Bromet (GroenLinks)", result.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Footnote_on_its_own_line_moves_to_the_end_of_the_question()
    {
        var result = PlainTextExtractor.Extract(TestString("ah-tk-20222023-3649.txt"));

        Assert.Contains("Kent u het bericht «Verguisde stalvloer tegen stikstofuitstoot kan stoppende boer in de weg zitten»?" + Ref(1), result.Lines);
        Assert.StartsWith("Brabants Dagblad, 2 juli 2023", result.Footnotes[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("https://www.bd.nl/binnenland/verguisde-stalvloer", result.Footnotes[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public void Spacing_accent_is_joined_to_its_letter()
    {
        var result = PlainTextExtractor.Extract(TestString("ah-tk-20232024-1433.txt"));

        Assert.Contains(result.Lines, l => l.Contains("Vragen van het lid Kostić (PvdD)", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lines, l => l.Contains('\u00B4', StringComparison.Ordinal));
    }

    [Fact]
    public void Decomposed_and_detached_diacritics_are_composed_even_without_ICU()
    {
        var result = PlainTextExtractor.ExtractContent("Vragen van het lid Kostic\u0301 aan Minister Yes\u0327ilgo\u0308z en Yes \u0327ilgöz.");

        Assert.Equal("Vragen van het lid Kostić aan Minister Yeşilgöz en Yeşilgöz.", result.Lines[0]);
    }

    [Fact]
    public void Spaced_footnote_bodies_are_taken_out_when_a_glued_marker_points_at_them()
    {
        var result = PlainTextExtractor.Extract(TestString("ah-tk-20232024-1433.txt"));

        Assert.Equal([1, 2], result.Footnotes.Select(f => f.Number));
        Assert.StartsWith("Motie van het lid Akerboom (PvdD)", result.Footnotes[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("(deze versie is offline gehaald)", result.Footnotes[1].Text, StringComparison.Ordinal);
        Assert.Contains("te halen?" + Ref(1), result.Lines);
        Assert.Equal(["ah-tk-20232024-1433"], result.Metadata[FurnitureKeys.FooterId]);
    }

    [Fact]
    public void Mangled_markdown_id_is_repaired()
    {
        var result = PlainTextExtractor.Extract(TestString("ah-tk-20232024-302.md"));

        Assert.Equal(["ah-tk-20232024-302"], result.Metadata[FurnitureKeys.FooterId]);
        Assert.Equal(["302"], result.Metadata[FurnitureKeys.HeaderNumber]);
        Assert.DoesNotContain(result.Lines, l => l.Contains("h tk", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_decoration_is_removed()
    {
        var result = PlainTextExtractor.Extract(TestString("ah-tk-20232024-302.md"));

        Assert.DoesNotContain(result.Lines, l => l.StartsWith('#') || l.Contains("**", StringComparison.Ordinal) || l.StartsWith("---", StringComparison.Ordinal));
        Assert.Contains("spreekkamer» en het artikel «Zorgverzekeraars hebben groot belang bij de data", result.Lines);
        Assert.StartsWith("Vragen van het lid Dijk (SP) aan de Minister voor Langdurige Zorg en Sport", result.Lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Bracketed_markdown_markers_become_references()
    {
        var result = PlainTextExtractor.Extract(TestString("ah-tk-20232024-302.md"));

        Assert.Equal(Enumerable.Range(1, 11), result.Footnotes.Select(f => f.Number));
        Assert.Contains("vullen?" + Ref(1), result.Lines);
        Assert.Contains(result.Lines, l => l.Contains("zorgvraagtypering." + Ref(4) + Ref(5) + " De NZa", StringComparison.Ordinal));
        Assert.Equal("https://puc.overheid.nl/nza/doc/PUC_743104_22/1/", result.Footnotes[1].Url);
        Assert.DoesNotContain(result.Lines, l => l.Contains("[1 ]", StringComparison.Ordinal));
    }

    [Fact]
    public void Docx_letter_head_gives_ah_number_and_normalised_zaak()
    {
        var result = PlainTextExtractor.Extract(Limburg("Antwoord_op_vragen_van_het_lid_Nordkamp_.docx.txt"));

        Assert.Equal(["617"], result.Metadata[TextFurniture.LetterAh]);
        Assert.Equal(["2024Z17972"], result.Metadata[TextFurniture.LetterZaak]);
        Assert.Equal("AH 617", result.Lines[0]);
        Assert.Contains("Antwoord van minister Brekelmans (Defensie) (ontvangen 20 november 2024)", result.Lines);
    }

    [Fact]
    public void Docx_question_footnote_in_parentheses_is_recognised()
    {
        var result = PlainTextExtractor.Extract(Limburg("De_brandbrief_van_enkele_fracties_inzake.docx.txt"));

        var footnote = Assert.Single(result.Footnotes);
        Assert.Equal("Bijlage onderhands meegezonden", footnote.Text);
        Assert.Contains("Kunt u kennisnemen van de meegestuurde brief?" + Ref(1), result.Lines);
        Assert.Equal(["2024Z18890"], result.Metadata[TextFurniture.LetterZaak]);
    }

    [Fact]
    public void Question_pdf_text_gives_zaak_number_and_kv_id()
    {
        var result = PlainTextExtractor.Extract(Limburg("Het_bericht_‘TEMU_schendt_privacy_door_t.pdf.txt"));

        Assert.Equal(["2024Z18775"], result.Metadata[FurnitureKeys.HeaderNumber]);
        Assert.Equal(["kv-tk-2024Z18775"], result.Metadata[FurnitureKeys.FooterId]);
        Assert.Equal(["2024-2025"], result.Metadata[FurnitureKeys.HeaderVergaderjaar]);
        Assert.StartsWith("Mondelinge vragen van het lid Krul (CDA)", result.Lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(result.Lines, l => l.Contains("Gravenhage", StringComparison.Ordinal));
    }

    public static TheoryData<string> AllTextFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Corpus, "limburg"))
            .Concat(Directory.EnumerateFiles(Path.Combine(Corpus, "learninglion-test-strings")))
            .Concat(Directory.EnumerateFiles(Path.Combine(Corpus, "seed")))
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Corpus, file));
        }

        return data;
    }

    [Fact]
    public void Corpus_holds_86_limburg_texts_4_test_strings_and_the_seed() => Assert.Equal(91, AllTextFiles().Count);

    [Theory]
    [MemberData(nameof(AllTextFiles))]
    public void Every_corpus_text_extracts_with_a_body(string relativePath)
    {
        var result = PlainTextExtractor.Extract(Path.Combine(Corpus, relativePath));

        Assert.Contains(result.Lines, l => l.Length > 0);
        Assert.Equal(result.Footnotes.Select(f => f.Number).Order(), result.Footnotes.Select(f => f.Number));
        Assert.DoesNotContain(result.Lines, l => l.Contains("ISSN 0921", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        var error = Assert.Throws<ExtractionException>(() => PlainTextExtractor.Extract([]));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Throws<ExtractionException>(() => PlainTextExtractor.Extract(Encoding.UTF8.GetBytes(" \n\t\n ")));
        Assert.Throws<ExtractionException>(() => PlainTextExtractor.ExtractContent("   "));
    }

    [Fact]
    public void Binary_file_is_refused()
    {
        var pdf = Path.Combine(Corpus, "pdf", "00fe7edd-24c8-4857-98da-774ed3b06836.pdf");
        var error = Assert.Throws<ExtractionException>(() => PlainTextExtractor.Extract(pdf));
        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
        Assert.Throws<ExtractionException>(() => PlainTextExtractor.Extract([0x41, 0x00, 0x42, 0x43]));
    }

    [Fact]
    public void Windows_1252_text_is_decoded_with_a_warning()
    {
        var bytes = Encoding.Latin1.GetBytes("Vragen van het lid Van Dijk aan de Minister van Financiën.\n");

        var result = PlainTextExtractor.Extract(bytes);

        Assert.Contains(result.Lines, l => l.Contains("Financiën", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, w => w.Contains("Windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Utf8_bom_is_skipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Vragen van het lid Dijk (SP).")).ToArray();

        var result = PlainTextExtractor.Extract(bytes);

        Assert.Equal("Vragen van het lid Dijk (SP).", result.Lines[0]);
        Assert.Empty(result.Warnings);
    }
}

using SearchKamer.Ingestion.Extraction;
using Xunit;
using static SearchKamer.Tests.Ingestion.Extraction.MarkupFixtures;

namespace SearchKamer.Tests.Ingestion.Extraction;

public class HtmlExtractorTests
{
    private static ExtractedText Fixture(string id) => HtmlExtractor.Extract(Markup(id + ".html"));

    [Fact]
    public void Meta_tags_are_read_by_their_name_as_written()
    {
        var text = Fixture(Combined);

        Assert.Equal("html", text.Format);
        Assert.Equal(["ah-tk-20232024-1314"], text.Metadata["DC.identifier"]);
        Assert.Equal(["2023-2024"], text.Metadata["OVERHEIDop.vergaderjaar"]);
        Assert.Equal(["1314"], text.Metadata["OVERHEIDop.aanhangselNummer"]);
        Assert.Equal(["Mutluer", "Kostić"], text.Metadata["OVERHEIDop.indiener"]);
        Assert.Equal(["2024-03-06"], text.Metadata["OVERHEIDop.datumIndiening"]);
        Assert.Equal(["2024-03-25"], text.Metadata["OVERHEIDop.datumOntvangst"]);
        Assert.False(text.Metadata.ContainsKey("overheidop.vergaderjaar"));
    }

    [Fact]
    public void Lower_case_meta_names_and_page_chrome_are_kept()
    {
        var text = HtmlExtractor.FromContent("""
            <html><head><meta name="dcterms.identifier" content="ah-tk-20242025-2932"></head><body>
            <a id="technischeInfoHyperlink" href="https://zoek.officielebekendmakingen.nl/ah-tk-20242025-2932/">info</a>
            <div class="stuk"><div class="vraag"><h2>Vraag 1</h2><p>Ja?</p></div></div></body></html>
            """);

        Assert.Equal(["ah-tk-20242025-2932"], text.Metadata["dcterms.identifier"]);
        Assert.Equal(["ah-tk-20242025-2932"], text.Metadata["page.technischeInfoId"]);
    }

    [Fact]
    public void Header_sentences_come_first_then_each_label_on_its_own_line()
    {
        var lines = Fixture(Seed).Lines;

        Assert.StartsWith("Vragen van het lid Chakor (GroenLinks-PvdA) aan de Minister van Binnenlandse Zaken", lines[0]);
        Assert.EndsWith("(ingezonden 11 juli 2025).", lines[0]);
        Assert.Equal("Antwoord van Minister Van Weel (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 29 augustus 2025).", lines[1]);
        Assert.Equal("Vraag 1", lines[2]);
        Assert.StartsWith("Heeft u kennisgenomen", lines[3]);
        Assert.Equal("Antwoord 1", lines[4]);
        Assert.Equal("Ja.", lines[5]);
        Assert.Equal(12, lines.Count(l => l.StartsWith("Vraag ", StringComparison.Ordinal)));
        Assert.Equal(12, lines.Count(l => l.StartsWith("Antwoord ", StringComparison.Ordinal) && l.Length <= 11));
    }

    [Fact]
    public void Seed_fixture_reproduces_the_real_seed_text_and_footnotes()
    {
        var text = Fixture(Seed);

        var expected = SeedBodyLines();
        var actual = AsPrinted(text);
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            Assert.Equal(expected[i], actual[i]);
        }

        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(SeedFootnotes(), text.Footnotes.Select(f => f.Text));
        Assert.Equal([1, 2, 3, 4, 5, 6], text.Footnotes.Select(f => f.Number));
        Assert.Empty(text.Warnings);
    }

    [Fact]
    public void Footnote_references_are_replaced_where_they_stood_and_bodies_keep_their_url()
    {
        var text = Fixture(Combined);

        Assert.Contains(text.Lines, l => l.EndsWith("tegen actief regenboogbeleid»?" + FootnoteRef.Format(1), StringComparison.Ordinal));
        Assert.Contains(text.Lines, l => l.StartsWith("Kent u de Inventarisatie Regenboogbeleid Regenboogprovincies?" + FootnoteRef.Format(2) + " Zo ja", StringComparison.Ordinal));
        var nos = text.Footnotes[0];
        Assert.Equal(1, nos.Number);
        Assert.StartsWith("NOS, d.d. 1 maart 2024, «Kritiek op besluit", nos.Text);
        Assert.Equal("https://nos.nl/artikel/2510977-kritiek-op-besluit-provincie-friesland-tegen-actief-regenboogbeleid", nos.Url);
        Assert.Equal("https://www.movisie.nl/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid%20provincies%202022.pdf", text.Footnotes[1].Url);
        Assert.DoesNotContain(text.Lines, l => l.Contains("Noot", StringComparison.Ordinal));
    }

    [Fact]
    public void Combined_block_keeps_its_question_paragraphs_apart()
    {
        var lines = Fixture(Combined).Lines.ToList();

        Assert.StartsWith("Vragen van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD)", lines[0]);
        Assert.StartsWith("Antwoord van Minister Dijkgraaf", lines[1]);
        var label = lines.IndexOf("Vraag 3, 4 en 5");
        Assert.StartsWith("Deelt u de mening dat als een provincie", lines[label + 1]);
        Assert.Equal("", lines[label + 2]);
        Assert.StartsWith("Deelt u de mening dat regenboogprovincies", lines[label + 3]);
        Assert.Equal("", lines[label + 4]);
        Assert.StartsWith("Kent u de Inventarisatie", lines[label + 5]);
        Assert.Equal("Antwoord 3, 4 en 5", lines[label + 6]);
    }

    [Fact]
    public void Table_rows_become_lines_with_cells_joined()
    {
        var lines = Fixture(Combined).Lines;

        Assert.Contains("Meldingen Tumba, kenniscentrum discriminatie en diversiteit", lines);
        Assert.Contains("Grond | Meldingen in 2021 | Meldingen in 2022 | Meldingen in 2023", lines);
        Assert.Contains("TOTAAL | 12 | 17 | 40", lines);
        Assert.Contains("Seksuele gerichtheid | 66 | 73 | 74", lines);
    }

    [Fact]
    public void Notice_block_becomes_a_Mededeling_line_with_its_paragraph()
    {
        var text = Fixture(Notice);
        var lines = text.Lines.ToList();

        Assert.StartsWith("Mededeling van Minister De Jonge", lines[1]);
        var notice = lines.IndexOf("Mededeling");
        Assert.True(notice > 0);
        Assert.StartsWith("De schriftelijke vragen van de leden Sneller, Chakor, Van Nispen", lines[notice + 1]);
        Assert.Equal(notice + 2, lines.Count);
        Assert.DoesNotContain(lines, l => l.StartsWith("Antwoord", StringComparison.Ordinal));
        Assert.Equal(["Vraag 1", "Vraag 2", "Vraag 3"], lines.Where(l => l.StartsWith("Vraag ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Text_is_NFC_and_non_breaking_spaces_collapse()
    {
        var text = HtmlExtractor.FromContent("""
            <div class="stuk"><p class="kamervraagomschrijving">Vragen van de leden Mutluer (GroenLinks-PvdA) en Kostic&#769;  (PvdD)
            aan de Minister van Onderwijs, Cultuur en Wetenschap (ingezonden 6&nbsp;maart&#160;2024).</p>
            <div class="vraag"><h2>Vraag&nbsp;1</h2><p>Heeft u kennisgenomen van het artikel?</p></div></div>
            """);

        Assert.Equal("Vragen van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD) aan de Minister van Onderwijs, Cultuur en Wetenschap (ingezonden 6 maart 2024).", text.Lines[0]);
        Assert.Contains("Kostić", text.Lines[0]);
        Assert.Equal("Vraag 1", text.Lines[1]);
    }

    [Fact]
    public void Superscript_is_a_footnote_reference_only_when_its_note_exists()
    {
        var text = HtmlExtractor.FromContent("""
            <div class="stuk"><div class="antwoord"><h2>Antwoord 6</h2><p>Het gaat om 400 m<sup>2</sup> grond.<sup>1</sup></p></div></div>
            <div id="noten"><div class="voet noot"><sup><span class="nootnum">1</span></sup><p>Kamerstuk 29 383, nr. 406</p></div></div>
            """);

        Assert.Equal("Het gaat om 400 m2 grond." + FootnoteRef.Format(1), text.Lines[1]);
        Assert.Equal("Kamerstuk 29 383, nr. 406", text.Footnotes.Single().Text);
        Assert.Null(text.Footnotes.Single().Url);
    }

    [Fact]
    public void Number_in_p_nummer_and_unnumbered_blocks_get_labels()
    {
        var text = HtmlExtractor.FromContent("""
            <div class="stuk"><div class="vraag"><p class="nummer">1</p><p>Heeft u kennisgenomen van het artikel?</p></div>
            <div class="antwoord"><p>Ja.</p></div></div>
            """);

        Assert.Equal(["Vraag 1", "Heeft u kennisgenomen van het artikel?", "Antwoord 1", "Ja."], text.Lines);
        Assert.Contains(text.Warnings, w => w.Contains("no number", StringComparison.Ordinal));
    }

    [Fact]
    public void Page_without_blocks_still_yields_its_text()
    {
        var text = HtmlExtractor.FromContent("<html><body><h1>Kamerbrief</h1><p>Eerste alinea.</p><p>Tweede alinea.</p></body></html>");

        Assert.Equal(["Kamerbrief", "", "Eerste alinea.", "", "Tweede alinea."], text.Lines);
        Assert.NotEmpty(text.Warnings);
    }

    [Fact]
    public void Hundreds_of_thousands_of_tag_starts_before_one_closing_bracket_finish_within_the_time_bound()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("searchkamer-html-").FullName, "brackets.html");
        // Sized so a check that looks for the closing bracket again at every "<" would pass the 30 s bound.
        File.WriteAllText(path, "<html><body><p>" + string.Concat(Enumerable.Repeat("<br", 1_200_000)) + "></p></body></html>");
        try
        {
            var result = SearchKamer.Ingestion.DocumentReader.Read(path);

            Assert.False(result.Ok);
            Assert.DoesNotContain("afgebroken", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Empty_file_is_rejected()
    {
        var path = TempFile(".html", []);
        try
        {
            var error = Assert.Throws<ExtractionException>(() => HtmlExtractor.Extract(path));
            Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Binary_and_plain_text_are_not_html()
    {
        var pdf = Assert.Throws<ExtractionException>(() => HtmlExtractor.Extract(NotKamervragen("40993d1c-f887-482d-89f7-33e41f6f7ed9.pdf")));
        Assert.Contains("not HTML", pdf.Message, StringComparison.Ordinal);

        var plain = Assert.Throws<ExtractionException>(() => HtmlExtractor.FromContent("Vraag 1\nHeeft u kennisgenomen?"));
        Assert.Contains("not HTML", plain.Message, StringComparison.Ordinal);

        var binary = Assert.Throws<ExtractionException>(() => HtmlExtractor.FromContent("<p>\u0001\u0002\u0003\u0004\u0005\u0006</p>"));
        Assert.Contains("binary", binary.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_extraction_error()
    {
        Assert.Throws<ExtractionException>(() => HtmlExtractor.Extract(Markup("does-not-exist.html")));
    }
}

using System.Text.Json;
using SearchKamer.Ingestion.Extraction;
using Xunit;

namespace SearchKamer.Tests.Ingestion.Extraction;

public class PdfExtractorTests
{
    public static IEnumerable<object[]> GoldFiles => PdfCorpus.GoldFiles;

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Footer_id_vergaderjaar_and_number_are_kept_as_metadata(string file)
    {
        var gold = PdfCorpus.GoldFor(file);
        var text = PdfCorpus.Extract(file);

        Assert.Equal("pdf", text.Format);
        Assert.Equal([gold.GetProperty("official_id").GetString()!], text.Metadata[FurnitureKeys.FooterId]);
        Assert.Equal([gold.GetProperty("vergaderjaar").GetString()!], text.Metadata[FurnitureKeys.HeaderVergaderjaar]);
        Assert.Equal([gold.GetProperty("aanhangselnummer").GetInt32().ToString()], text.Metadata[FurnitureKeys.HeaderNumber]);
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Info_subject_is_kept_and_the_placeholder_title_is_not(string file)
    {
        var gold = PdfCorpus.GoldFor(file);
        var text = PdfCorpus.Extract(file);

        var subject = gold.GetProperty("pdf_info_subject");
        if (subject.ValueKind == JsonValueKind.Null)
        {
            Assert.False(text.Metadata.ContainsKey("pdf.subject"));
        }
        else
        {
            Assert.Equal([subject.GetString()!], text.Metadata["pdf.subject"]);
        }

        Assert.False(text.Metadata.ContainsKey("pdf.title"));
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Page_furniture_never_reaches_the_lines(string file)
    {
        var text = PdfCorpus.Extract(file);

        string[] furniture =
        [
            "ISSN", "Aanhangsel van de Handelingen", "Tweede Kamer, vergaderjaar", "Tweede Kamer der Staten-Generaal",
            "Vragen gesteld door de leden der Kamer", "’s-Gravenhage", "ah-tk-",
        ];
        Assert.All(text.Lines, line => Assert.DoesNotContain(furniture, f => line.Contains(f, StringComparison.Ordinal)));
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Lines_start_with_the_question_header(string file)
    {
        var header = PdfCorpus.GoldFor(file).GetProperty("question_header_as_printed").GetString()!;
        var text = PdfCorpus.Extract(file);

        // The printed header may wrap over several lines.
        Assert.StartsWith(Spaced(header), Spaced(string.Join(' ', text.Lines.Take(5))), StringComparison.Ordinal);
    }

    /// <summary>The strongest check: what a careful reader reads (gold) is in the extracted text.</summary>
    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Every_gold_question_and_answer_opening_occurs_in_the_text(string file)
    {
        var gold = PdfCorpus.GoldFor(file);
        var reading = PdfCorpus.ReadingText(PdfCorpus.Extract(file));

        var openings = new List<string>();
        foreach (var question in gold.GetProperty("questions").EnumerateArray())
        {
            foreach (var key in new[] { "question_60", "answer_60" })
            {
                if (question.GetProperty(key).GetString() is { } opening)
                {
                    openings.Add(opening);
                }
            }
        }

        if (gold.TryGetProperty("mededeling_60", out var notice) && notice.GetString() is { } noticeOpening)
        {
            openings.Add(noticeOpening);
        }

        Assert.NotEmpty(openings);
        Assert.All(openings, opening => Assert.Contains(opening, reading, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Every_label_is_a_line_of_its_own(string file)
    {
        var gold = PdfCorpus.GoldFor(file);
        var lines = PdfCorpus.Extract(file).Lines;

        foreach (var heading in gold.GetProperty("vraag_headings").EnumerateArray())
        {
            Assert.Contains("Vraag " + heading.GetString(), lines);
        }

        foreach (var heading in gold.GetProperty("answer_numbers").EnumerateArray())
        {
            Assert.Contains("Antwoord " + heading.GetString(), lines);
        }
    }

    [Theory]
    [MemberData(nameof(GoldFiles))]
    public void Text_is_composed_without_detached_accents(string file)
    {
        var text = PdfCorpus.Extract(file);

        // string.IsNormalized cannot be used: under InvariantGlobalization it answers true for anything.
        Assert.All(text.Lines, line =>
        {
            Assert.DoesNotContain(line, c => c is >= '\u0300' and <= '\u036F' or '\u00B4' or '\u00B8');
        });
    }

    [Fact]
    public void Accents_drawn_as_separate_glyphs_are_composed()
    {
        Assert.Contains("Mutluer (GroenLinks-PvdA) en Kostić (PvdD)", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("00fe7edd")));
        Assert.Contains("Antwoord van Minister Yeşilgöz-Zegerius (Justitie en Veiligheid)", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("1bb0809b")));
    }

    [Fact]
    public void Spacing_is_kept_as_printed()
    {
        Assert.Contains("Vragen van het lid Inge vanDijk (CDA)", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("1dac45ca")));
        Assert.Contains("Faber-van de Klashorst(PVV)", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("1bb0809b")));
    }

    [Fact]
    public void Line_end_hyphenation_is_rejoined_on_the_line_above()
    {
        var regenboog = PdfCorpus.ExtractPrefix("00fe7edd").Lines;
        Assert.Contains(regenboog, l => l.EndsWith("Uit de nieuwe Inventarisatie Regenboogbeleid", StringComparison.Ordinal));
        Assert.Contains(regenboog, l => l.EndsWith("om zich regenboogprovincie", StringComparison.Ordinal));
        Assert.DoesNotContain(regenboog, l => l.EndsWith("Regenboog-", StringComparison.Ordinal));

        Assert.Contains("uw Kamer geïnformeerd dat er", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("1a2d8959")));
        Assert.Contains("bis-subsidies op 1 december 2023", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("1b62ee8d")));
    }

    [Fact]
    public void Real_hyphens_at_a_line_end_are_kept()
    {
        Assert.Contains("bijvoorbeeld CCS-projecten", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("1a2d8959")));
        Assert.Contains("de internationale mvo-standaarden", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("1b0f0b98")));
        Assert.Contains("samen in ENTSO-E-verband", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("1cf0c343")));
        Assert.Contains("Het PKI-consortium heeft", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("1c0f765c")));
        Assert.Contains("Staatssecretaris Gräper-van Koolwijk", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("1b62ee8d")));
    }

    [Fact]
    public void A_suspended_hyphen_before_en_keeps_its_space()
    {
        // Printed "de aanloop-" at a line end and "en volloopverliezen" on the next; pdftotext makes "aanloopen".
        Assert.Contains("de aanloop- en volloopverliezen", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("1a2d8959")));
    }

    [Fact]
    public void Superscript_footnote_numerals_become_markers()
    {
        var one = FootnoteRef.Format(1);
        Assert.Contains(PdfCorpus.ExtractPrefix("00fe7edd").Lines, l => l.EndsWith("regenboogbeleid»?" + one, StringComparison.Ordinal));
        Assert.Contains(PdfCorpus.ExtractPrefix("1b0f0b98").Lines, l => l.Contains("Both Ends" + one + "?", StringComparison.Ordinal));
        Assert.Contains(
            PdfCorpus.ExtractPrefix("0c6cbed0").Lines,
            l => l.EndsWith("ziekenhuisnota»»?" + one + FootnoteRef.Format(2), StringComparison.Ordinal));
        Assert.Contains(PdfCorpus.ExtractPrefix("1c0f765c").Lines, l => l.Contains("NIS2" + FootnoteRef.Format(4) + " (Network", StringComparison.Ordinal));
        Assert.Contains(PdfCorpus.ExtractPrefix("1b650dd7").Lines, l => l.Contains("gesproken." + FootnoteRef.Format(3) + "Toekomstige", StringComparison.Ordinal));
    }

    [Fact]
    public void Subscripts_stay_plain_text()
    {
        Assert.Contains("voor de CO2-buis", PdfCorpus.ReadingText(PdfCorpus.ExtractPrefix("1a2d8959")));
    }

    [Fact]
    public void Footnote_bodies_are_separated_with_their_urls()
    {
        var text = PdfCorpus.ExtractPrefix("00fe7edd");

        Assert.Equal([1, 2], text.Footnotes.Select(f => f.Number));
        Assert.Equal("https://nos.nl/artikel/2510977-kritiek-op-besluit-provincie-friesland-tegen-actief-regenboogbeleid", text.Footnotes[0].Url);
        Assert.StartsWith("NOS, d.d. 1 maart 2024, «Kritiek op besluit", text.Footnotes[0].Text, StringComparison.Ordinal);
        Assert.Equal(
            "https://www.movisie.nl/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid%20provincies%202022.pdf",
            text.Footnotes[1].Url);
        Assert.DoesNotContain(text.Lines, l => l.Contains("NOS, d.d.", StringComparison.Ordinal) || l.Contains("movisie.nl", StringComparison.Ordinal));
    }

    [Fact]
    public void Footnotes_without_a_printed_url_have_none()
    {
        var text = PdfCorpus.ExtractPrefix("0c6cbed0");

        Assert.Equal([1, 2, 3, 4], text.Footnotes.Select(f => f.Number));
        Assert.Equal("Kamerstuk, 28 828, nr. 70", text.Footnotes[2].Text);
        Assert.Null(text.Footnotes[2].Url);
        Assert.Contains("ondanks invoering «vereenvoudigde ziekenhuisnota»», 27 september 2014", text.Footnotes[1].Text);
    }

    [Fact]
    public void A_combined_question_block_keeps_its_questions_as_paragraphs()
    {
        var lines = PdfCorpus.ExtractPrefix("00fe7edd").Lines.ToList();
        var start = lines.IndexOf("Vraag 3, 4 en 5");
        var end = lines.IndexOf("Antwoord 3, 4 en 5");

        var paragraphs = string.Join("\n", lines[(start + 1)..end])
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, paragraphs.Length);
        Assert.StartsWith("Deelt u de mening dat als een provincie", paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("Deelt u de mening dat regenboogprovincies", paragraphs[1], StringComparison.Ordinal);
        Assert.StartsWith("Kent u de Inventarisatie Regenboogbeleid", paragraphs[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Text_running_over_a_page_break_continues_without_a_break()
    {
        var lines = PdfCorpus.ExtractPrefix("0c6cbed0").Lines.ToList();
        var last = lines.FindIndex(l => l.EndsWith("expliciete informatie en voorlichting wordt", StringComparison.Ordinal));

        Assert.True(last >= 0);
        Assert.StartsWith("gegeven aan verzekerden?", lines[last + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Table_cells_of_one_row_share_a_line()
    {
        var lines = PdfCorpus.ExtractPrefix("00fe7edd").Lines;

        Assert.Contains("Geslacht(Trans) | 2 | 3 | 6", lines);
        Assert.Contains("Seksuele gerichtheid | 66 | 73 | 74", lines);
    }

    [Theory]
    [InlineData("40993d1c-f887-482d-89f7-33e41f6f7ed9.pdf")]
    [InlineData("ed7ffb05-ec88-44ef-a7a0-92caf70df476.pdf")]
    public void Pdfs_that_are_not_kamervragen_still_extract(string file)
    {
        var text = PdfExtractor.Extract(PdfCorpus.FixturePath("not-kamervragen", file));

        Assert.NotEmpty(text.Lines);
        Assert.False(text.Metadata.ContainsKey(FurnitureKeys.FooterId));
    }

    /// <summary>Line breaks joined with one space, as the gold file joins the printed lines.</summary>
    private static string Spaced(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}

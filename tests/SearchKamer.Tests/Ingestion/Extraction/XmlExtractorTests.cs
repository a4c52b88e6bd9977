using System.Text;
using SearchKamer.Ingestion.Extraction;
using Xunit;
using static SearchKamer.Tests.Ingestion.Extraction.MarkupFixtures;

namespace SearchKamer.Tests.Ingestion.Extraction;

public class XmlExtractorTests
{
    private static ExtractedText Fixture(string id) => XmlExtractor.Extract(Markup(id + ".xml"));

    [Fact]
    public void Meta_elements_kop_number_and_iso_dates_go_into_metadata()
    {
        var text = Fixture(Seed);

        Assert.Equal("xml", text.Format);
        Assert.Equal(["ah-tk-20242025-2932"], text.Metadata["DC.identifier"]);
        Assert.Equal(["2025Z14546"], text.Metadata["OVERHEIDop.vraagnummer"]);
        Assert.Equal(["2932"], text.Metadata[FurnitureKeys.HeaderNumber]);
        Assert.Equal(["2024-2025"], text.Metadata[FurnitureKeys.HeaderVergaderjaar]);
        Assert.Equal(["2025-07-11"], text.Metadata[XmlExtractor.DateSubmittedKey]);
        Assert.Equal(["2025-08-29"], text.Metadata[XmlExtractor.DateReceivedKey]);
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
        Assert.Empty(text.Warnings);
    }

    [Fact]
    public void Header_dates_with_non_breaking_spaces_read_as_plain_text()
    {
        var lines = Fixture(Seed).Lines;

        Assert.EndsWith("over publicatie van de WRR (ingezonden 11 juli 2025).", lines[0]);
        Assert.Equal("Antwoord van Minister Van Weel (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen 29 augustus 2025).", lines[1]);
        Assert.DoesNotContain(lines, l => l.Contains('\u00A0'));
        Assert.Equal("Vraag 1", lines[2]);
    }

    [Fact]
    public void Footnotes_are_marked_in_the_line_and_bodies_keep_the_extref_url()
    {
        var text = Fixture(Combined);

        Assert.Contains(text.Lines, l => l.EndsWith("regenboogbeleid»?" + FootnoteRef.Format(1), StringComparison.Ordinal));
        Assert.Equal(2, text.Footnotes.Count);
        Assert.Equal("NOS, d.d. 1 maart 2024, «Kritiek op besluit provincie Friesland tegen actief regenboogbeleid», https://nos.nl/artikel/2510977-kritiek-op-besluit-provincie-friesland-tegen-actief-regenboogbeleid", text.Footnotes[0].Text);
        Assert.Equal("https://nos.nl/artikel/2510977-kritiek-op-besluit-provincie-friesland-tegen-actief-regenboogbeleid", text.Footnotes[0].Url);
        Assert.DoesNotContain(text.Lines, l => l.Contains("nos.nl", StringComparison.Ordinal));
    }

    [Fact]
    public void Combined_block_keeps_its_question_paragraphs_apart()
    {
        var lines = Fixture(Combined).Lines.ToList();

        var label = lines.IndexOf("Vraag 3, 4 en 5");
        Assert.Equal(["Vraag 3, 4 en 5"], lines.GetRange(label, 1));
        Assert.Equal("", lines[label + 2]);
        Assert.Equal("", lines[label + 4]);
        Assert.StartsWith("Kent u de Inventarisatie Regenboogbeleid Regenboogprovincies?" + FootnoteRef.Format(2), lines[label + 5]);
        Assert.Equal("Antwoord 3, 4 en 5", lines[label + 6]);
        Assert.Contains("Kostić", lines[0]);
    }

    [Fact]
    public void Cals_table_rows_become_lines_with_cells_joined()
    {
        var lines = Fixture(Combined).Lines;

        Assert.Contains("Grond | Meldingen in 2021 | Meldingen in 2022 | Meldingen in 2023", lines);
        Assert.Contains("Geslacht(Trans) | 2 | 3 | 6", lines);
        Assert.Contains("TOTAAL | 12 | 17 | 40", lines);
    }

    [Fact]
    public void Kamervraagopmerking_becomes_a_Mededeling_block()
    {
        var text = Fixture(Notice);
        var lines = text.Lines.ToList();

        Assert.Equal("Mededeling van Minister De Jonge (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen (ontvangen 7 juni 2024).", lines[1]);
        Assert.Equal("Mededeling", lines[^2]);
        Assert.EndsWith("(36 471-64) op 7 juni 2024.", lines[^1]);
        Assert.Equal(["2024-06-07"], text.Metadata[XmlExtractor.DateReceivedKey]);
        Assert.Equal("www.volkskrant.nl/nieuws-achtergrond/ambtenaren-zien-nog-veel-juridische-hobbels-richting-regeerprogramma~bc49ab66/", text.Footnotes.Single().Url);
    }

    [Fact]
    public void Old_body_vragen_and_reactie_structure_with_nootref_is_read()
    {
        var text = XmlExtractor.FromContent("""
            <vraagdoc><body>
            <omschr>Vragen van het lid Chakor (GroenLinks-PvdA) aan de Minister van Binnenlandse Zaken en Koninkrijksrelaties over publicatie van de WRR (ingezonden <datum isodatum="2025-07-11">11 juli 2025</datum>).</omschr>
            <vragen>
            <vraag><nr>1</nr><al>Heeft u kennisgenomen van het onderzoek van de Wetenschappelijke Raad voor het Regeringsbeleid (WRR) over de deskundige overheid?<nootref refid="n1"/></al></vraag>
            <vraag><nr>12</nr><al>Kunt u bovenstaande vragen één voor één beantwoorden?</al></vraag>
            </vragen>
            <reactie>
            <omschr>Antwoord van Minister Van Weel (Binnenlandse Zaken en Koninkrijksrelaties) (ontvangen <datum isodatum="2025-08-29">29 augustus 2025</datum>).</omschr>
            <antwoord><nr>1</nr><al>Ja.</al></antwoord>
            <antwoord><nr>12</nr><al>Ik heb de vragen afzonderlijk beantwoord.</al></antwoord>
            </reactie>
            <noten><noot id="n1"><noot.nr>1</noot.nr><noot.al>Wetenschappelijke Raad voor het Regeringsbeleid, Deskundige overheid (Den Haag 2025).</noot.al></noot></noten>
            <ondertekening><functie>De Minister van Binnenlandse Zaken en Koninkrijksrelaties,</functie> <naam><achternaam>Van Weel</achternaam></naam></ondertekening>
            </body></vraagdoc>
            """);

        Assert.StartsWith("Vragen van het lid Chakor", text.Lines[0]);
        Assert.StartsWith("Antwoord van Minister Van Weel", text.Lines[1]);
        Assert.Equal("Vraag 1", text.Lines[2]);
        Assert.EndsWith("deskundige overheid?" + FootnoteRef.Format(1), text.Lines[3]);
        Assert.Equal(["Vraag 12", "Kunt u bovenstaande vragen één voor één beantwoorden?", "Antwoord 1", "Ja."], text.Lines.Skip(4).Take(4));
        Assert.Equal("Wetenschappelijke Raad voor het Regeringsbeleid, Deskundige overheid (Den Haag 2025).", text.Footnotes.Single().Text);
        Assert.Equal(["2025-07-11"], text.Metadata[XmlExtractor.DateSubmittedKey]);
        Assert.Equal(["2025-08-29"], text.Metadata[XmlExtractor.DateReceivedKey]);
        Assert.Equal(["De Minister van Binnenlandse Zaken en Koninkrijksrelaties, Van Weel"], text.Metadata[XmlExtractor.SignatureKey]);
        Assert.DoesNotContain(text.Lines, l => l.Contains("De Minister van Binnenlandse Zaken en Koninkrijksrelaties,", StringComparison.Ordinal));
    }

    [Fact]
    public void Labels_in_nummer_or_first_al_are_used_and_unnumbered_vragen_are_counted_with_a_warning()
    {
        var text = XmlExtractor.FromContent("""
            <kamervragen>
            <vraag><al>Vraag 1</al><al>Heeft u kennisgenomen van het artikel?</al></vraag>
            <antwoord><nummer>1</nummer><al>Ja.</al></antwoord>
            <vraag><al>Kunt u deze vragen één voor één beantwoorden?</al></vraag>
            <antwoord><nr>5 6</nr><al>Ja.</al></antwoord>
            </kamervragen>
            """);

        Assert.Equal(
            ["Vraag 1", "Heeft u kennisgenomen van het artikel?", "Antwoord 1", "Ja.", "Vraag 2", "Kunt u deze vragen één voor één beantwoorden?", "Antwoord 5 en 6", "Ja."],
            text.Lines);
        Assert.Contains(text.Warnings, w => w.Contains("vraag element 2 has no number", StringComparison.Ordinal));
    }

    [Fact]
    public void List_items_keep_their_number_and_each_becomes_a_paragraph()
    {
        var text = XmlExtractor.FromContent("""
            <kamervragen><antwoord><nr>Antwoord 1</nr><al>Het kabinet werkt aan:</al>
            <lijst type="expliciet"><li><li.nr>•</li.nr><al>een personeelsstrategie voor digitalisering;</al></li>
            <li><li.nr>•</li.nr><al>een moderne digitale werkomgeving.</al></li></lijst></antwoord></kamervragen>
            """);

        Assert.Equal(
            ["Antwoord 1", "Het kabinet werkt aan:", "", "• een personeelsstrategie voor digitalisering;", "", "• een moderne digitale werkomgeving."],
            text.Lines);
    }

    [Fact]
    public void Decomposed_letters_are_composed()
    {
        var text = XmlExtractor.FromContent("<kamervragen><kamervraagomschrijving type=\"vraag\">Vragen van de leden Mutluer (GroenLinks-PvdA) en Kostic\u0301 (PvdD)</kamervraagomschrijving><vraag><nr>1</nr><al>Ja?</al></vraag></kamervragen>");

        Assert.Equal("Vragen van de leden Mutluer (GroenLinks-PvdA) en Kostić (PvdD)", text.Lines[0]);
    }

    [Fact]
    public void Metadata_record_yields_metadata_and_no_lines()
    {
        var text = XmlExtractor.FromContent("""
            <?xml version="1.0" encoding="UTF-8"?>
            <metadata_gegevens>
            <metadata name="DC.identifier" scheme="" content="ah-tk-20232024-1314"/>
            <metadata name="OVERHEIDop.indiener" scheme="" content="Mutluer"/>
            <metadata name="OVERHEIDop.indiener" scheme="" content="Kostić"/>
            </metadata_gegevens>
            """);

        Assert.Empty(text.Lines);
        Assert.Equal(["Mutluer", "Kostić"], text.Metadata["OVERHEIDop.indiener"]);
        Assert.Equal(["ah-tk-20232024-1314"], text.Metadata["DC.identifier"]);
    }

    [Fact]
    public void Real_handelingen_xml_with_mangled_bom_extracts_and_is_repaired()
    {
        var text = XmlExtractor.Extract(NotKamervragen("h-tk-20172018-70-1.xml"));

        Assert.NotEmpty(text.Lines);
        Assert.Contains(text.Lines, l => l.Contains("Kröger", StringComparison.Ordinal) && l.Contains("Yeşilgöz-Zegerius", StringComparison.Ordinal));
        Assert.Equal(["https://zoek.officielebekendmakingen.nl/h-tk-20172018-70-1/metadata.xml"], text.Metadata["OVERHEIDop.externMetadataRecord"]);
        Assert.Contains(text.Warnings, w => w.Contains("no vraag/antwoord", StringComparison.Ordinal));
        Assert.Contains(text.Warnings, w => w.Contains("mojibake", StringComparison.Ordinal));
        _ = XmlExtractor.Extract(NotKamervragen("h-tk-20172018-70-13.xml"));
    }

    [Fact]
    public void Malformed_xml_names_line_and_position()
    {
        var error = Assert.Throws<ExtractionException>(() => XmlExtractor.FromContent("<kamervragen>\n<vraag><al>Ja?</vraag>\n</kamervragen>"));

        Assert.Contains("malformed XML at line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dtd_and_external_entities_are_refused()
    {
        var error = Assert.Throws<ExtractionException>(() => XmlExtractor.FromContent(
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));

        Assert.Contains("malformed XML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_binary_and_non_xml_input_is_rejected_with_a_reason()
    {
        var empty = TempFile(".xml", []);
        var blank = TempFile(".xml", Encoding.UTF8.GetBytes(" \n\t "));
        try
        {
            Assert.Contains("empty", Assert.Throws<ExtractionException>(() => XmlExtractor.Extract(empty)).Message, StringComparison.Ordinal);
            Assert.Contains("empty", Assert.Throws<ExtractionException>(() => XmlExtractor.Extract(blank)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(empty);
            File.Delete(blank);
        }

        var pdf = Assert.Throws<ExtractionException>(() => XmlExtractor.Extract(NotKamervragen("40993d1c-f887-482d-89f7-33e41f6f7ed9.pdf")));
        Assert.Contains("not XML", pdf.Message, StringComparison.Ordinal);
        var plain = Assert.Throws<ExtractionException>(() => XmlExtractor.FromContent("Vraag 1\nHeeft u kennisgenomen?"));
        Assert.Contains("not XML", plain.Message, StringComparison.Ordinal);
        var html = Assert.Throws<ExtractionException>(() => XmlExtractor.Extract(Markup("ah-tk-20242025-2932.html")));
        Assert.Contains("HTML", html.Message, StringComparison.Ordinal);
    }
}

using System.Text;
using System.Xml;
using SearchKamer.Domain;
using SearchKamer.Ingestion;
using SearchKamer.Sync;

namespace SearchKamer.Tests.Sync;

/// <summary>API metadata handed to the reader wins over the text, and every disagreement is a warning.</summary>
public sealed class ApiMetadataTests
{
    private static readonly string Boswijk = RepoPaths.CorpusFile("limburg", "De_ontkoppeling_van_ontwikkelingshulp.pdf.txt");

    private static Dictionary<string, IReadOnlyList<string>> Metadata(string datum) => new()
    {
        [ApiMetadata.DocumentNumber] = ["2024D90101"],
        [ApiMetadata.Soort] = ["Schriftelijke vragen"],
        [ApiMetadata.Datum] = [datum],
        [ApiMetadata.Zaak] = ["2024Z18792"],
        [ApiMetadata.Indiener] = [ApiMetadata.Actor("J.A. Boswijk", "CDA")],
        [ApiMetadata.GerichtAan] = ["minister van Financiën", "minister voor Buitenlandse Handel en Ontwikkelingshulp"],
    };

    [Fact]
    public void Agreeing_metadata_fills_in_ids_and_agrees_with_the_plural_addressee_of_the_header()
    {
        var doc = DocumentReader.Read(Boswijk, Metadata("2024-11-19")).Document!;

        Assert.Equal("2024D90101", doc.DocumentNumber);
        Assert.Equal(["2024Z18792"], doc.ZaakNumbers);
        Assert.Equal([new Asker("Boswijk", "CDA")], doc.Askers);
        Assert.Equal(["Minister van Financiën", "Minister voor Buitenlandse Handel en Ontwikkelingshulp"], doc.Addressees);
        Assert.Equal(new DateOnly(2024, 11, 19), doc.DateSubmitted);
        Assert.DoesNotContain(doc.Warnings, w => w.Contains("datum", StringComparison.Ordinal) || w.Contains("indiener", StringComparison.Ordinal));
        // The header "aan de Ministers van Financiën en voor Buitenlandse Handel …" now reads as the API's two offices.
        Assert.DoesNotContain(doc.Warnings, w => w.Contains("gericht aan", StringComparison.Ordinal));
    }

    [Fact]
    public void Disagreeing_metadata_wins_and_is_reported()
    {
        var md = Metadata("2024-11-18");
        md[ApiMetadata.Indiener] = [ApiMetadata.Actor("J.A. Boswijk", "NSC"), ApiMetadata.Actor("Ö. Ceder", "ChristenUnie")];
        md[ApiMetadata.Soort] = ["Antwoord schriftelijke vragen"];

        var doc = DocumentReader.Read(Boswijk, md).Document!;

        Assert.Equal(DocumentKind.Antwoord, doc.Kind);
        Assert.Equal([new Asker("Boswijk", "NSC"), new Asker("Ceder", "ChristenUnie")], doc.Askers);
        Assert.Contains(doc.Warnings, w => w.Contains("partij van Boswijk", StringComparison.Ordinal));
        Assert.Contains(doc.Warnings, w => w.Contains("Ö. Ceder", StringComparison.Ordinal));
        Assert.Contains(doc.Warnings, w => w.StartsWith("soort:", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_metadata_the_reader_is_unchanged()
    {
        var plain = DocumentReader.Read(Boswijk).Document!;
        var empty = DocumentReader.Read(Boswijk, new Dictionary<string, IReadOnlyList<string>>()).Document!;
        Assert.Equal(plain.Askers, empty.Askers);
        Assert.Equal(plain.Warnings, empty.Warnings);
    }

    [Fact]
    public void The_aanhangselnummer_decodes_to_the_official_id_and_is_checked_against_the_footer()
    {
        var pdf = RepoPaths.CorpusFile("pdf", "00fe7edd-24c8-4857-98da-774ed3b06836.pdf");
        var agree = DocumentReader.Read(pdf, new Dictionary<string, IReadOnlyList<string>> { [ApiMetadata.Aanhangselnummer] = ["232401314"] }).Document!;
        var differ = DocumentReader.Read(pdf, new Dictionary<string, IReadOnlyList<string>> { [ApiMetadata.Aanhangselnummer] = ["232401315"] }).Document!;

        Assert.Equal("ah-tk-20232024-1314", agree.OfficialId);
        Assert.DoesNotContain(agree.Warnings, w => w.Contains("officiële id", StringComparison.Ordinal));
        Assert.Equal("ah-tk-20232024-1315", differ.OfficialId);
        Assert.Contains(differ.Warnings, w => w.Contains("ah-tk-20232024-1314", StringComparison.Ordinal));
    }
}

public sealed class FeedParserTests
{
    private const string Head = "<feed xmlns=\"http://www.w3.org/2005/Atom\">";

    [Fact]
    public void A_feed_with_a_dtd_is_refused()
    {
        var xml = "<!DOCTYPE feed [<!ENTITY x \"y\">]>" + Head + "</feed>";
        Assert.Throws<XmlException>(() => FeedParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "Document"));
    }

    [Fact]
    public void Entries_carry_their_skiptoken_tombstone_flag_and_nil_fields()
    {
        var xml = Head + """
            <entry><title>A</title><updated>2024-12-01T10:00:00.1234567Z</updated><category term="document"/>
              <link rel="next" href="https://example.invalid/SyncFeed/2.0/Feed?skiptoken=20127222&amp;category=Document"/>
              <content type="application/xml">
                <document xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="0C6CBED0-0CDF-4512-B630-01B325F81007"
                          tk:bijgewerkt="2008-08-26T12:13:04.6270000" tk:verwijderd="true">
                  <soort xsi:nil="true"/><zaak ref="5A000000-0000-4000-8000-000000000003"/>
                </document>
              </content></entry></feed>
            """;
        var page = FeedParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)), "Document");

        var entry = Assert.Single(page.Entries);
        Assert.Equal(("0c6cbed0-0cdf-4512-b630-01b325f81007", 20127222L, true), (entry.Id, entry.Skiptoken!.Value, entry.Deleted));
        Assert.Null(entry.Field("soort"));
        Assert.Equal("5a000000-0000-4000-8000-000000000003", entry.Ref("zaak"));
        Assert.Equal(20127222L, page.NextSkiptoken);
        Assert.Equal("Document", entry.Category);
    }

    /// <summary>The live feed names an entry's category by its element (lowerCamelCase); older copies use PascalCase or none.</summary>
    [Theory]
    [InlineData("<category term=\"zaakActor\"/>", "ZaakActor")]
    [InlineData("<category term=\"ZaakActor\"/>", "ZaakActor")]
    [InlineData("<category term=\"ZAAKACTOR\"/>", "ZaakActor")]
    [InlineData("", "ZaakActor")]
    [InlineData("<category term=\"fractieZetelPersoon\"/>", "fractieZetelPersoon")]
    public void An_entry_s_category_is_read_in_any_casing_and_an_unknown_one_keeps_its_name(string category, string expected)
    {
        var xml = Head + $"""
            <entry><title>B</title><updated>2024-12-01T10:00:00Z</updated>{category}
              <link rel="next" href="https://example.invalid/SyncFeed/2.0/Feed?category=ZaakActor&amp;skiptoken=16687327"/>
              <content type="application/xml">
                <zaakActor xmlns="http://www.tweedekamer.nl/xsd/tkData/v1-0" xmlns:tk="http://www.tweedekamer.nl/xsd/tkData/v1-0"
                           id="5b000000-0000-4000-8000-000000000001" tk:bijgewerkt="2024-03-06T09:00:00Z" tk:verwijderd="false">
                  <relatie>Indiener</relatie><zaak ref="5a000000-0000-4000-8000-000000000001"/>
                </zaakActor>
              </content></entry></feed>
            """;
        var xmlAsked = category.Contains("fractieZetelPersoon", StringComparison.Ordinal) ? xml.Replace("zaakActor", "fractieZetelPersoon", StringComparison.Ordinal) : xml;

        var entry = Assert.Single(FeedParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xmlAsked)), "ZaakActor").Entries);

        Assert.Equal(expected, entry.Category);
        Assert.Equal(16687327L, entry.Skiptoken);
    }
}

using System.Xml.Linq;
using SearchKamer.Tests.Ingestion.Extraction;

namespace SearchKamer.Tests.Sync;

public sealed class SyncDocxTests
{
    private const string Boswijk = "5e000000-0000-4000-8000-000000000002";
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static readonly XNamespace Tk = "http://www.tweedekamer.nl/xsd/tkData/v1-0";

    [Fact]
    public async Task A_document_the_api_serves_as_docx_is_stored_as_docx_and_indexed_like_its_text()
    {
        Domain.KamervraagDocument fromText;
        await using (var asText = await SyncTestBed.StartAsync())
        {
            await asText.SyncAsync();
            fromText = asText.Engine.Get("2024D90102")!;
        }

        await using var bed = await SyncTestBed.StartAsync();

        // The same real letter, as the DOCX it was; the server sends no useful Content-Type, the API's ContentType says DOCX.
        var lines = File.ReadAllText(RepoPaths.CorpusFile("limburg", "Antwoord_op_vragen_van_het_lid_Boswijk_o.docx.txt")).Split('\n');
        var docx = DocxFixture.Write(lines);
        bed.Server.SetFile(Boswijk, docx, "application/octet-stream");
        foreach (var (category, entity) in bed.Server.Withhold("Document"))
        {
            if ((string?)entity.Attribute("id") == Boswijk)
            {
                entity.SetAttributeValue(Tk + "contentType", DocxType);
                entity.SetAttributeValue(Tk + "contentLength", docx.Length);
            }

            bed.Server.Append(category, entity);
        }

        var report = await bed.SyncAsync();

        Assert.Equal((SyncEndToEndTests.ExpectedDocuments, 0), (report.Indexed, report.Failed));
        Assert.True(File.Exists(Path.Combine(bed.FilesDirectory, Boswijk + ".docx")));
        DocxFixture.AssertSameRecord(fromText, bed.Engine.Get("2024D90102")!);
    }
}

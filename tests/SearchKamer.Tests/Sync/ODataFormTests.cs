using SearchKamer.Ingestion;
using SearchKamer.Sync;

namespace SearchKamer.Tests.Sync;

/// <summary>
/// The OData backfill on pages written in the documented v4/2.0 JSON form (Fixtures/syncfeed/odata: minimal
/// metadata, expanded Zaak(ZaakActor) and DocumentActor, null fields, an opaque nextLink), independent of the fake server.
/// </summary>
public sealed class ODataFormTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("searchkamer-odata-").FullName;

    [Fact]
    public void A_documented_page_gives_the_document_its_zaak_and_actors_and_keeps_the_next_link_verbatim()
    {
        var page = Parse("documents-page-1.json");

        Assert.Equal(["Zaak", "ZaakActor", "ZaakActor", "ZaakActor", "Document"], page.Entries.Select(e => e.Category));
        Assert.Equal("https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/Document?$filter=Soort%20eq%20'Antwoord%20schriftelijke%20vragen'&$skiptoken=Id-'00fe7edd-24c8-4857-98da-774ed3b06836'", page.NextLink);
        var document = page.Entries[^1];
        Assert.Equal((22319L, "application/pdf", "2024D90001"), (document.ContentLength!.Value, document.ContentType, document.Field("documentNummer")));
        Assert.Null(document.Field("citeertitel"));

        var state = new SyncState(SearchKamer.Host.Services.Store.Open(_data));
        state.Stage(page.Entries, null);

        var queued = Assert.Single(state.Pending());
        Assert.Equal(("00fe7edd-24c8-4857-98da-774ed3b06836", PendingAction.Fetch), (queued.Id, queued.Action));
        var metadata = state.MetadataFor(queued.Id);
        Assert.Equal([ApiMetadata.Actor("Mutluer", "GroenLinks-PvdA"), ApiMetadata.Actor("Kostić", "PvdD")], metadata[ApiMetadata.Indiener]);
        Assert.Equal(["minister van Onderwijs, Cultuur en Wetenschap"], metadata[ApiMetadata.GerichtAan]);
        Assert.Equal(["2024Z90001"], metadata[ApiMetadata.Zaak]);
    }

    [Fact]
    public void A_page_of_documents_that_are_not_kamervragen_queues_nothing_and_keeps_none_of_their_actors()
    {
        var page = Parse("documents-not-kamervragen.json");
        Assert.Null(page.NextLink);

        var state = new SyncState(SearchKamer.Host.Services.Store.Open(_data));
        var taken = state.Stage(page.Entries, null);

        Assert.Equal(0, taken);
        Assert.Empty(state.Pending());
        using var c = state.Store.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT (SELECT COUNT(*) FROM sync_zaak_actor) + (SELECT COUNT(*) FROM sync_document_actor) + (SELECT COUNT(*) FROM sync_document)";
        Assert.Equal(0L, cmd.ExecuteScalar());
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private static ODataPage Parse(string name)
    {
        using var file = File.OpenRead(Path.Combine(RepoPaths.Fixtures, "syncfeed", "odata", name));
        return ODataBackfill.Parse(file);
    }
}

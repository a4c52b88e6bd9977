using System.Xml.Linq;
using SearchKamer.Domain;
using SearchKamer.Ingestion;

namespace SearchKamer.Tests.Sync;

/// <summary>DocumentActors and Persoon changes, as the README promises: kept, used, and re-indexed when they change.</summary>
public sealed class SyncActorTests
{
    private const string BoswijkAnswer = "5e000000-0000-4000-8000-000000000002";
    private static readonly XNamespace Tk = "http://www.tweedekamer.nl/xsd/tkData/v1-0";

    [Fact]
    public async Task A_document_without_a_zaak_link_takes_its_askers_from_its_own_actors()
    {
        await using var bed = await SyncTestBed.StartAsync();

        // Some documents upstream lack their zaak link (tk-open-data.md §11); this answer letter names no asker in its text.
        foreach (var (category, entity) in bed.Server.Withhold("Document"))
        {
            if ((string?)entity.Attribute("id") == BoswijkAnswer)
            {
                entity.Elements().Where(e => e.Name.LocalName == "zaak").Remove();
            }

            bed.Server.Append(category, entity);
        }

        await bed.SyncAsync();
        Assert.False(bed.State.MetadataFor(BoswijkAnswer).ContainsKey(ApiMetadata.Indiener));

        bed.Server.Append("DocumentActor", Actor("5f000000-0000-4000-8000-000000000001", "Boswijk", "CDA", "Indiener"));
        var report = await bed.SyncAsync();

        Assert.Equal(1, report.Indexed);
        Assert.Equal([ApiMetadata.Actor("Boswijk", "CDA")], bed.State.MetadataFor(BoswijkAnswer)[ApiMetadata.Indiener]);
        Assert.Equal([new Asker("Boswijk", "CDA")], bed.Engine.Get("2024D90102")!.Askers);
        Assert.Equal(0, bed.FileRequests - SyncEndToEndTests.ExpectedDocuments);
    }

    [Fact]
    public async Task A_zaak_s_askers_win_over_the_document_s_own_actors()
    {
        await using var bed = await SyncTestBed.StartAsync();
        bed.Server.Append("DocumentActor", Actor("5f000000-0000-4000-8000-000000000002", "Iemand Anders", "VVD", "Indiener"));

        await bed.SyncAsync();

        Assert.Equal([new Asker("Boswijk", "CDA")], bed.Engine.Get("2024D90102")!.Askers);
    }

    [Fact]
    public async Task A_person_whose_name_changes_has_the_documents_of_their_zaken_indexed_again()
    {
        await using var bed = await SyncTestBed.StartAsync();

        // The actor names its person only through the ref (actorNaam nil), so the name comes from the Persoon.
        const string boswijk = "5c000000-0000-4000-8000-000000000019";
        foreach (var (category, entity) in bed.Server.Withhold("ZaakActor"))
        {
            if (entity.Elements().Any(e => e.Name.LocalName == "persoon" && (string?)e.Attribute("ref") == boswijk))
            {
                entity.Elements().Where(e => e.Name.LocalName == "actorNaam").Remove();
            }

            bed.Server.Append(category, entity);
        }

        await bed.SyncAsync();
        var before = bed.State.Indexed(BoswijkAnswer);
        Assert.Equal("Boswijk", Assert.Single(bed.Engine.Get("2024D90102")!.Askers).Name);

        // The person record changes later (initials filled in): the documents of their zaken are indexed again.
        var person = bed.Server.Latest(boswijk);
        person.Elements().Single(e => e.Name.LocalName == "initialen").ReplaceWith(new XElement(Tk + "initialen", "J.A."));
        person.SetAttributeValue(Tk + "bijgewerkt", "2024-12-03T09:00:00Z");
        bed.Server.Append("Persoon", person);
        var report = await bed.SyncAsync();

        var after = bed.State.Indexed(BoswijkAnswer);
        Assert.InRange(report.Indexed, 1, 2);
        Assert.NotEqual(before.IndexedMeta, after.IndexedMeta);
        Assert.Equal(0, bed.FileRequests - SyncEndToEndTests.ExpectedDocuments);
    }

    private static XElement Actor(string id, string name, string party, string relatie) =>
        new(Tk + "documentActor", new XAttribute("id", id),
            new XAttribute(Tk + "bijgewerkt", "2024-12-02T09:00:00Z"), new XAttribute(Tk + "verwijderd", "false"),
            new XElement(Tk + "actorNaam", name), new XElement(Tk + "actorFractie", party), new XElement(Tk + "functie", "Tweede Kamerlid"),
            new XElement(Tk + "relatie", relatie), new XElement(Tk + "document", new XAttribute("ref", BoswijkAnswer)));
}

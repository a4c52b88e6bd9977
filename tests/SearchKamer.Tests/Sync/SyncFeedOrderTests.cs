using System.Xml.Linq;
using SearchKamer.Indexing;

namespace SearchKamer.Tests.Sync;

/// <summary>The feed gives no order between categories or passes: actors may come before what they belong to.</summary>
public sealed class SyncFeedOrderTests
{
    [Fact]
    public async Task Actors_that_arrive_before_their_zaak_and_document_still_give_the_askers_with_their_party()
    {
        IReadOnlyDictionary<string, string> expected;
        await using (var inOrder = await SyncTestBed.StartAsync())
        {
            await inOrder.SyncAsync();
            expected = Askers(inOrder);
        }

        await using var bed = await SyncTestBed.StartAsync();
        var later = bed.Server.Withhold("Zaak", "Document");
        var first = await bed.SyncAsync();
        Assert.Equal(0, first.Indexed);
        Assert.Empty(bed.Keys());

        foreach (var (category, entity) in later)
        {
            bed.Server.Append(category, entity);
        }

        var second = await bed.SyncAsync();

        Assert.Equal(SyncEndToEndTests.ExpectedDocuments, second.Indexed);
        var actual = Askers(bed);
        Assert.Equal(expected.Count, actual.Count);
        Assert.Contains(actual.Values, a => a.Contains("Teunissen (PvdD)", StringComparison.Ordinal));
        foreach (var (key, askers) in expected)
        {
            Assert.Equal(askers, actual[key]);
        }
    }

    [Fact]
    public async Task A_party_that_arrives_after_the_documents_were_indexed_is_applied_to_them()
    {
        await using var bed = await SyncTestBed.StartAsync();
        var parties = bed.Server.Withhold("Fractie");

        // Without their actorFractie the actors name their party only through the fractie ref.
        foreach (var (category, entity) in bed.Server.Withhold("ZaakActor"))
        {
            System.Xml.Linq.Extensions.Remove(entity.Elements().Where(e => e.Name.LocalName == "actorFractie"));
            bed.Server.Append(category, entity);
        }

        await bed.SyncAsync();
        var before = bed.Engine.Get("2024D90102")!;
        Assert.Equal([new Domain.Asker("Boswijk", null)], before.Askers);

        foreach (var (category, entity) in parties)
        {
            bed.Server.Append(category, entity);
        }

        var report = await bed.SyncAsync();

        Assert.Equal([new Domain.Asker("Boswijk", "CDA")], bed.Engine.Get("2024D90102")!.Askers);
        Assert.InRange(report.Indexed, 1, SyncEndToEndTests.ExpectedDocuments);
        Assert.Equal(SyncEndToEndTests.ExpectedDocuments, bed.Keys().Distinct().Count());
        Assert.Equal(SyncEndToEndTests.ExpectedDocuments, bed.Keys().Count);
    }

    [Fact]
    public async Task Actors_of_a_zaak_or_document_that_is_not_kept_wait_only_until_it_arrives()
    {
        await using var bed = await SyncTestBed.StartAsync();
        var later = bed.Server.Withhold("Zaak", "Document");
        AppendMotionActors(bed.Server, "1");
        await bed.SyncAsync();
        Assert.InRange(Orphans(bed), 2, long.MaxValue);

        foreach (var (category, entity) in later)
        {
            bed.Server.Append(category, entity);
        }

        await bed.SyncAsync();
        Assert.Equal(0, Orphans(bed));

        // Once the motion is known to be skipped, its later actors are not kept at all.
        AppendMotionActors(bed.Server, "2");
        var report = await bed.SyncAsync();
        Assert.Equal((0, 0), (Orphans(bed), report.Staged));
        Assert.Equal(SyncEndToEndTests.ExpectedDocuments, bed.Keys().Count);
    }

    /// <summary>Placeholder actors (not in the fixture) of the fixture's motion zaak and document, the noise the sync must not keep.</summary>
    private static void AppendMotionActors(FakeTkServer server, string suffix)
    {
        XNamespace tk = "http://www.tweedekamer.nl/xsd/tkData/v1-0";
        server.Append("ZaakActor", new XElement(tk + "zaakActor", new XAttribute("id", $"5b000000-0000-4000-8000-00000000090{suffix}"),
            new XAttribute(tk + "bijgewerkt", "2024-12-01T00:00:00Z"), new XAttribute(tk + "verwijderd", "false"),
            new XElement(tk + "actorNaam", "Boswijk"), new XElement(tk + "relatie", "Indiener"),
            new XElement(tk + "zaak", new XAttribute("ref", "5a000000-0000-4000-8000-000000000900"))));
        server.Append("DocumentActor", new XElement(tk + "documentActor", new XAttribute("id", $"5f000000-0000-4000-8000-00000000090{suffix}"),
            new XAttribute(tk + "bijgewerkt", "2024-12-01T00:00:00Z"), new XAttribute(tk + "verwijderd", "false"),
            new XElement(tk + "actorNaam", "Boswijk"), new XElement(tk + "relatie", "Indiener"),
            new XElement(tk + "document", new XAttribute("ref", "5e000000-0000-4000-8000-000000000900"))));
    }

    /// <summary>Actor rows whose zaak or document is not (yet) in the store.</summary>
    private static long Orphans(SyncTestBed bed)
    {
        using var c = bed.State.Store.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT (SELECT COUNT(*) FROM sync_zaak_actor WHERE zaak_id NOT IN (SELECT id FROM sync_zaak))
                 + (SELECT COUNT(*) FROM sync_document_actor WHERE document_id NOT IN (SELECT id FROM sync_document))
            """;
        return (long)cmd.ExecuteScalar()!;
    }

    private static Dictionary<string, string> Askers(SyncTestBed bed) =>
        bed.Engine.All().ToDictionary(DocumentMapper.KeyOf, d => string.Join("; ", d.Askers.Select(a => $"{a.Name} ({a.Party})")));
}

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

    private static Dictionary<string, string> Askers(SyncTestBed bed) =>
        bed.Engine.All().ToDictionary(DocumentMapper.KeyOf, d => string.Join("; ", d.Askers.Select(a => $"{a.Name} ({a.Party})")));
}

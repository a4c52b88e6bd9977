using SearchKamer.Indexing;
using SearchKamer.Sync;

namespace SearchKamer.Tests.Sync;

/// <summary>The OData backfill against the fake server's OData collection, made from the same documented entities as the feed.</summary>
public sealed class SyncBackfillTests
{
    private static readonly DateOnly First = new(2014, 1, 1);
    private static readonly DateOnly Last = new(2024, 12, 31);

    [Fact]
    public async Task A_backfill_pages_through_odata_and_indexes_each_document_once_with_the_api_metadata()
    {
        IReadOnlyDictionary<string, string> fromFeed;
        await using (var feed = await SyncTestBed.StartAsync())
        {
            await feed.SyncAsync();
            fromFeed = Metadata(feed);
        }

        await using var bed = await SyncTestBed.StartAsync();
        var report = await bed.BackfillAsync(First, Last);

        var keys = bed.Keys();
        Assert.Equal(SyncEndToEndTests.ExpectedDocuments, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal((SyncEndToEndTests.ExpectedDocuments, 0, 0), (report.Indexed, report.Failed, report.Pending));

        // Server-driven paging: more than one page, every one reached through @odata.nextLink.
        Assert.Equal((int)Math.Ceiling(SyncEndToEndTests.ExpectedDocuments / (double)bed.Server.ODataPageSize), report.Pages);
        Assert.Equal(report.Pages - 1, bed.Server.Requests.Count(r => r.Contains("skiptoken", StringComparison.Ordinal) && r.StartsWith("/OData/", StringComparison.Ordinal)));
        Assert.DoesNotContain(bed.Server.Requests, r => r.Contains("000000000900", StringComparison.Ordinal));

        // The same askers, parties, zaken and numbers as the feed gives, the API winning over the PDF's misprint.
        Assert.Equal(fromFeed, Metadata(bed));
        Assert.Equal("PvdD", bed.Engine.Get("ah-tk-20232024-1786")!.Askers.Single(a => a.Name == "Teunissen").Party);
    }

    [Fact]
    public async Task Running_the_backfill_again_or_following_the_feed_afterwards_changes_nothing()
    {
        await using var bed = await SyncTestBed.StartAsync();
        await bed.BackfillAsync(First, Last);
        var downloads = bed.FileRequests;
        var stamp = bed.Index.LastCommitData()["committed"];

        var again = await bed.BackfillAsync(First, Last);
        var feed = await bed.SyncAsync();

        Assert.Equal((0, 0, 0), (again.Indexed, again.Deleted, again.Failed));
        Assert.InRange(again.Unchanged, SyncEndToEndTests.ExpectedDocuments, int.MaxValue);
        Assert.Equal((0, 0, 0), (feed.Indexed, feed.Deleted, feed.Failed));
        Assert.Equal(downloads, bed.FileRequests);
        Assert.Equal(stamp, bed.Index.LastCommitData()["committed"]);
        Assert.Equal(SyncEndToEndTests.ExpectedDocuments, bed.Keys().Count);
    }

    [Fact]
    public async Task A_backfill_takes_the_documents_dated_from_the_first_to_the_last_day_inclusive()
    {
        await using var bed = await SyncTestBed.StartAsync();
        var from = new DateOnly(2024, 11, 19);
        var to = new DateOnly(2024, 11, 20);
        var expected = bed.Server.DocumentsDated(from, to, TkApiNames.DocumentSoort.Relevant.ToList());
        Assert.NotEmpty(expected);
        Assert.NotEqual(expected.Count, bed.Server.DocumentsDated(from.AddDays(-10), to, TkApiNames.DocumentSoort.Relevant.ToList()).Count);

        var report = await bed.BackfillAsync(from, to);

        Assert.Equal(expected.Count, report.Indexed);
        var fetched = bed.Server.Requests.Where(r => r.StartsWith("/SyncFeed/2.0/Resources/", StringComparison.Ordinal))
            .Select(r => r["/SyncFeed/2.0/Resources/".Length..]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), fetched);
    }

    [Fact]
    public async Task A_next_link_to_another_server_is_refused()
    {
        await using var bed = await SyncTestBed.StartAsync();
        var client = new SyncFeedClient(new HttpClient { BaseAddress = new Uri(bed.Server.BaseUrl + "/") }, bed.Options);

        var e = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetODataPageAsync("http://elders.example/OData/v4/2.0/Document", CancellationToken.None));

        Assert.Contains("elders.example", e.Message, StringComparison.Ordinal);
        Assert.Empty(bed.Server.Requests);
    }

    private static Dictionary<string, string> Metadata(SyncTestBed bed) =>
        bed.Engine.All().ToDictionary(DocumentMapper.KeyOf,
            d => $"{d.Kind}|{d.DocumentNumber}|{string.Join(",", d.ZaakNumbers)}|{string.Join("; ", d.Askers.Select(a => $"{a.Name} ({a.Party})"))}|{d.DateReceived}|{d.Questions.Count}");
}

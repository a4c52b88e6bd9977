using System.Xml.Linq;
using SearchKamer.Storage;
using SearchKamer.Sync;

namespace SearchKamer.Tests.Sync;

/// <summary>
/// The sync against the feed as it really is: lowerCamelCase category terms (the fake's default style), entries
/// it does not know, stores left by a build that skipped everything, and history replayed from the start.
/// </summary>
public sealed class SyncLiveFeedTests
{
    private static readonly XNamespace Tk = "http://www.tweedekamer.nl/xsd/tkData/v1-0";

    [Theory]
    [InlineData(FeedStyle.Live)]
    [InlineData(FeedStyle.PascalCase)]
    [InlineData(FeedStyle.NoCategory)]
    public async Task Every_relevant_document_is_indexed_whatever_the_category_term_looks_like(FeedStyle style)
    {
        await using var bed = await SyncTestBed.StartAsync();
        bed.Server.Style = style;

        var report = await bed.SyncAsync();

        Assert.Equal(SyncEndToEndTests.ExpectedDocuments, report.Indexed);
        Assert.Equal(SyncEndToEndTests.ExpectedDocuments, bed.Keys().Distinct().Count());
        Assert.True(report.Succeeded);
        Assert.Equal(0, report.Unknown);
    }

    [Fact]
    public async Task An_entry_of_an_unknown_category_is_counted_named_and_never_passed_by_the_watermark()
    {
        await using var bed = await SyncTestBed.StartAsync();
        await bed.SyncAsync();
        var before = bed.State.Watermark("Document");

        // A DocumentVersie in the Document category (live style writes its element name as the term),
        // followed by a real change that must wait behind it.
        bed.Server.Append("Document", new XElement(Tk + "documentVersie", new XAttribute("id", "5f100000-0000-4000-8000-000000000001"),
            new XAttribute(Tk + "bijgewerkt", "2024-12-02T09:00:00Z"), new XAttribute(Tk + "verwijderd", "false"),
            new XElement(Tk + "versienummer", "2")));
        bed.Server.Append("Document", new XElement(Tk + "document", new XAttribute("id", "1a2d8959-7ce1-411d-bffe-c78970ae8d6b"),
            new XAttribute(Tk + "bijgewerkt", "2024-12-02T10:00:00Z"), new XAttribute(Tk + "verwijderd", "true")));

        var report = await bed.SyncAsync();
        var again = await bed.SyncAsync();

        Assert.False(report.Succeeded);
        Assert.Equal(1, report.Unknown);
        Assert.Equal(["documentVersie"], report.UnknownCategories);
        Assert.Contains("documentVersie", report.Summary(), StringComparison.Ordinal);
        Assert.Equal(before, bed.State.Watermark("Document"));
        Assert.Equal((0, 1), (again.Deleted, again.Unknown));
        Assert.NotNull(bed.Engine.Get("ah-tk-20232024-2210"));
    }

    [Fact]
    public async Task A_store_whose_watermarks_moved_past_everything_it_skipped_is_read_again_once_after_the_upgrade()
    {
        // What the earlier build left after reading the live feed: every watermark at the end, no row staged.
        var data = Directory.CreateTempSubdirectory("searchkamer-sync-upgrade-").FullName;
        var old = new SqliteStore(data, SyncSchema.Migrations.Where(m => m.Version <= 101));
        using (var c = old.Open())
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = string.Join(";", TkApiNames.Categories.InOrder.Select(category =>
                $"INSERT INTO sync_watermark (category, skiptoken, updated_at) VALUES ('{category}', {FakeTkServer.FirstToken + 10_000}, '2024-12-01')"));
            cmd.ExecuteNonQuery();
        }

        await using var bed = await SyncTestBed.StartAsync(data: data);
        var first = await bed.SyncAsync();
        var second = await bed.SyncAsync();

        Assert.Equal(SyncEndToEndTests.ExpectedDocuments, first.Indexed);
        Assert.Equal(SyncEndToEndTests.ExpectedDocuments, bed.Keys().Distinct().Count());
        Assert.Equal((0, 0), (second.Indexed, second.Staged));
    }

    [Fact]
    public async Task A_store_that_staged_the_feed_keeps_its_watermarks_on_upgrade_and_downloads_nothing_again()
    {
        var data = Directory.CreateTempSubdirectory("searchkamer-sync-upgrade-").FullName;
        long? watermark;
        int downloads;
        await using (var earlier = await SyncTestBed.StartAsync(data: data))
        {
            earlier.Server.Style = FeedStyle.PascalCase;
            await earlier.SyncAsync();
            watermark = earlier.State.Watermark("Document");
            downloads = earlier.FileRequests;
            using var c = earlier.State.Store.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "DELETE FROM schema_migrations WHERE version = 102";
            cmd.ExecuteNonQuery();
        }

        await using var bed = await SyncTestBed.StartAsync(data: data);

        Assert.Equal(SyncEndToEndTests.ExpectedDocuments, downloads);
        Assert.Equal(watermark, bed.State.Watermark("Document"));
        var report = await bed.SyncAsync();
        Assert.Equal((0, 0, 0), (report.Indexed, report.Staged, bed.FileRequests));
    }

    [Fact]
    public async Task A_file_newer_than_its_feed_entry_is_kept_as_superseded_not_failed()
    {
        await using var bed = await SyncTestBed.StartAsync();
        const string id = "1a529d02-ba4d-418b-8d6a-5400a4ac07bc";
        foreach (var (category, entity) in bed.Server.Withhold("Document"))
        {
            // The entry names the size the file had at its moment; the server has a newer file of another size.
            if ((string?)entity.Attribute("id") == id)
            {
                entity.SetAttributeValue(Tk + "contentLength", bed.Server.File(id).Length - 411);
            }

            bed.Server.Append(category, entity);
        }

        var report = await bed.SyncAsync();

        Assert.Equal((SyncEndToEndTests.ExpectedDocuments, 0, 1), (report.Indexed, report.Failed, report.Superseded));
        Assert.True(report.Succeeded);
        Assert.Equal(2, bed.Server.Requests.Count(r => r.EndsWith(id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_failed_fetch_waits_before_it_is_tried_again_and_is_given_up_after_the_last_attempt()
    {
        await using var bed = await SyncTestBed.StartAsync(o => o with { FailedFetchDelay = TimeSpan.FromHours(1), MaxFetchAttempts = 2 });
        const string id = "1a529d02-ba4d-418b-8d6a-5400a4ac07bc";
        bed.Server.RemoveFile(id);

        var first = await bed.SyncAsync();
        var second = await bed.SyncAsync();

        Assert.Equal((1, 0, 1), (first.Failed, first.Lost, first.Pending));
        Assert.True(first.Succeeded);
        Assert.Equal((0, 1), (second.Failed, second.Pending));
        Assert.Equal(1, bed.Server.Requests.Count(r => r.EndsWith(id, StringComparison.Ordinal)));

        // Once the wait is over, the last attempt fails too: the document is lost, and the pass says so.
        using (var c = bed.State.Store.Open())
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE sync_pending SET last_attempt = '2000-01-01T00:00:00+00:00'";
            cmd.ExecuteNonQuery();
        }

        var third = await bed.SyncAsync();
        Assert.Equal((1, 1, 0), (third.Failed, third.Lost, third.Pending));
        Assert.False(third.Succeeded);
    }
}

using System.Text;
using System.Xml.Linq;
using SearchKamer.Domain;
using SearchKamer.Sync;

namespace SearchKamer.Tests.Sync;

/// <summary>The sync against the fake upstream: 16 real answer PDFs and four real Limburg texts in 19 zaken.</summary>
public sealed class SyncEndToEndTests
{
    public const int ExpectedDocuments = 20;
    private const string Teunissen = "1b0f0b98-7c34-418c-98dc-43de7930e685";
    private const string Erkens = "1a2d8959-7ce1-411d-bffe-c78970ae8d6b";
    private const string SnellerQuestions = "5e000000-0000-4000-8000-000000000003";
    private static readonly XNamespace Tk = "http://www.tweedekamer.nl/xsd/tkData/v1-0";

    [Fact]
    public async Task First_sync_indexes_each_relevant_document_once_with_the_api_metadata()
    {
        await using var bed = await SyncTestBed.StartAsync();
        var report = await bed.SyncAsync();

        var keys = bed.Keys();
        Assert.Equal(ExpectedDocuments, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(ExpectedDocuments, report.Indexed);
        Assert.Equal(0, report.Pending);
        Assert.DoesNotContain(bed.Server.Requests, r => r.Contains("000000000900", StringComparison.Ordinal));

        // The Boswijk answer letter has no official id and no askers in its text: both come from the API.
        var answer = bed.Engine.Get("2024D90102")!;
        Assert.Equal(DocumentKind.Antwoord, answer.Kind);
        Assert.Equal(["2024Z18792"], answer.ZaakNumbers);
        Assert.Equal([new Asker("Boswijk", "CDA")], answer.Askers);
        Assert.Equal(new DateOnly(2024, 11, 20), answer.DateReceived);

        // The API's party wins over the PDF's misprint, and the disagreement is on the record.
        var misprint = bed.Engine.Get("ah-tk-20232024-1786")!;
        Assert.Equal("PvdD", misprint.Askers.Single(a => a.Name == "Teunissen").Party);
        Assert.Contains(misprint.Warnings, w => w.Contains("Teunissen", StringComparison.Ordinal) && w.Contains("PvdD", StringComparison.Ordinal));
        Assert.Equal("2024D90006", misprint.DocumentNumber);

        // Where feed and text agree, the API adds nothing to the warnings.
        var agreed = bed.Engine.Get("ah-tk-20232024-1314")!;
        Assert.DoesNotContain(agreed.Warnings, w => w.Contains("API", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(bed.FilesDirectory, Teunissen + ".pdf")));
    }

    [Fact]
    public async Task Running_again_and_replaying_the_whole_feed_changes_nothing()
    {
        await using var bed = await SyncTestBed.StartAsync();
        await bed.SyncAsync();
        var downloads = bed.FileRequests;
        var stamp = bed.Index.LastCommitData()["committed"];

        var again = await bed.SyncAsync();
        bed.State.ResetWatermarks();
        var replay = await bed.SyncAsync();

        Assert.Equal((0, 0, 0), (again.Indexed, again.Deleted, again.Failed));
        Assert.Equal((0, 0, 0), (replay.Indexed, replay.Deleted, replay.Failed));
        Assert.InRange(replay.Unchanged, ExpectedDocuments, int.MaxValue);
        Assert.Equal(downloads, bed.FileRequests);
        Assert.Equal(stamp, bed.Index.LastCommitData()["committed"]);
        Assert.Equal(ExpectedDocuments, bed.Keys().Distinct().Count());
    }

    [Fact]
    public async Task A_tombstone_removes_the_document_and_a_new_file_version_replaces_it()
    {
        await using var bed = await SyncTestBed.StartAsync();
        await bed.SyncAsync();

        // Tombstones arrive with their content fields emptied.
        bed.Server.Append("Document", new XElement(Tk + "document", new XAttribute("id", Erkens),
            new XAttribute(Tk + "bijgewerkt", "2024-12-01T10:00:00Z"), new XAttribute(Tk + "verwijderd", "true")));

        // A corrected version of the Sneller question set: the first has "Klimaaten" and "overde" glued.
        var text = Encoding.UTF8.GetString(bed.Server.File(SnellerQuestions))
            .Replace("Klimaaten Groene", "Klimaat en Groene", StringComparison.Ordinal)
            .Replace("Waterstaat overde", "Waterstaat over de", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        bed.Server.SetFile(SnellerQuestions, bytes, "text/plain");
        var changed = bed.Server.Latest(SnellerQuestions);
        changed.SetAttributeValue(Tk + "bijgewerkt", "2024-12-01T11:00:00Z");
        changed.SetAttributeValue(Tk + "contentLength", bytes.Length);
        bed.Server.Append("Document", changed);

        var before = bed.Engine.Get("kv-tk-2024Z18438")!;
        var report = await bed.SyncAsync();

        Assert.Equal((1, 1), (report.Indexed, report.Deleted));
        Assert.Null(bed.Engine.Get("ah-tk-20232024-2210"));
        Assert.False(File.Exists(Path.Combine(bed.FilesDirectory, Erkens + ".pdf")));
        var after = bed.Engine.Get("kv-tk-2024Z18438")!;
        // "Klimaaten" is read as the canonical "Klimaat en Groene Groei" since issue 17; the glued "overde" still warns.
        Assert.Contains(before.Warnings, w => w.Contains("vastgeplakt", StringComparison.Ordinal));
        Assert.DoesNotContain(after.Warnings, w => w.Contains("Klimaaten", StringComparison.Ordinal) || w.Contains("vastgeplakt", StringComparison.Ordinal));
        Assert.NotEqual(before.Source.Sha256, after.Source.Sha256);
        var keys = bed.Keys();
        Assert.Equal(ExpectedDocuments - 1, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public async Task A_pass_stopped_between_pages_resumes_and_ends_with_each_document_once()
    {
        await using var bed = await SyncTestBed.StartAsync();
        using var stop = new CancellationTokenSource();
        var pages = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bed.SyncAsync(stop.Token, (category, _) =>
        {
            if (category == "Document" && ++pages == 2)
            {
                stop.Cancel();
            }
        }));

        // Two pages of four documents were staged and their watermark moved with them: they wait in the queue.
        Assert.Empty(bed.Keys());
        Assert.Equal(2 * bed.Server.PageSize, bed.State.PendingCount());
        Assert.NotNull(bed.State.Watermark("Document"));

        var report = await bed.SyncAsync();

        var keys = bed.Keys();
        Assert.Equal(ExpectedDocuments, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(ExpectedDocuments, report.Indexed);
        Assert.Equal(ExpectedDocuments, bed.FileRequests);
    }

    [Fact]
    public async Task A_pass_stopped_during_downloads_leaves_every_staged_document_queued_for_the_next_run()
    {
        await using var bed = await SyncTestBed.StartAsync(o => o with { AttemptTimeout = TimeSpan.FromSeconds(10), TotalTimeout = TimeSpan.FromSeconds(30) });
        bed.Server.SlowDelay = TimeSpan.FromSeconds(30);
        bed.Server.Inject("/Resources/", Fault.Slow);
        using var stop = new CancellationTokenSource();

        // Stopped once the first download has begun (it hangs for 30 s): an order, not a time budget.
        var pass = bed.SyncAsync(stop.Token);
        await bed.Server.FirstFileRequest.WaitAsync(TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pass);

        // The feed was read to its end; nothing was indexed, and the queue is as durable as the watermark.
        Assert.NotNull(bed.State.Watermark("Document"));
        Assert.Empty(bed.Keys());
        Assert.Equal(ExpectedDocuments, bed.State.PendingCount());
        var report = await bed.SyncAsync();
        Assert.Equal(ExpectedDocuments, bed.Keys().Distinct().Count());
        Assert.Equal(ExpectedDocuments, bed.Keys().Count);
        Assert.Equal((ExpectedDocuments, 0), (report.Indexed, report.Pending));
    }

    [Fact]
    public async Task Timeouts_server_errors_and_truncated_bodies_are_retried_and_downloads_stay_bounded()
    {
        await using var bed = await SyncTestBed.StartAsync();
        bed.Server.Inject("/Feed", Fault.Slow);
        bed.Server.Inject("/Feed", Fault.ServerError, 2);
        bed.Server.Inject("/Feed", Fault.Truncated);
        bed.Server.Inject("/Feed", Fault.ShortBody);
        bed.Server.Inject("/Feed", Fault.ServerError);

        // Feed faults are all used up by the first pages, so these hit the downloads.
        bed.Server.Inject("/Resources/", Fault.ServerError, 2);
        bed.Server.Inject("/Resources/", Fault.Truncated);
        bed.Server.Inject("/Resources/", Fault.ShortBody);
        bed.Server.Inject("/Resources/", Fault.Slow);

        var report = await bed.SyncAsync();

        Assert.Equal(0, bed.Server.FaultsLeft);
        Assert.Equal((0, 0), (report.Failed, report.Pending));
        var keys = bed.Keys();
        Assert.Equal(ExpectedDocuments, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.InRange(bed.Server.MaxConcurrentFiles, 1, bed.Options.MaxConcurrentDownloads);
    }

    [Fact]
    public async Task A_file_that_cannot_be_fetched_stays_queued_and_is_indexed_on_a_later_run()
    {
        await using var bed = await SyncTestBed.StartAsync();
        await bed.SyncAsync();

        // The Flach uitstel notice (real text, placeholder ids) appears in the feed before its file is served.
        const string id = "5e000000-0000-4000-8000-000000000005";
        var bytes = File.ReadAllBytes(RepoPaths.CorpusFile("limburg", "Uitstel_beantwoording_vragen_van_het_lid.docx.txt"));
        bed.Server.Append("Document", new XElement(Tk + "document", new XAttribute("id", id),
            new XAttribute(Tk + "bijgewerkt", "2024-12-02T10:00:00Z"), new XAttribute(Tk + "verwijderd", "false"),
            new XAttribute(Tk + "contentType", "text/plain"), new XAttribute(Tk + "contentLength", bytes.Length),
            new XElement(Tk + "soort", "Mededeling (uitstel antwoord)"), new XElement(Tk + "documentNummer", "2024D90105")));

        var first = await bed.SyncAsync();
        Assert.Equal((1, 1), (first.Failed, first.Pending));
        var queued = Assert.Single(bed.State.Pending());
        Assert.Equal((id, 1), (queued.Id, queued.Attempts));
        Assert.Contains("404", queued.LastError, StringComparison.Ordinal);

        bed.Server.SetFile(id, bytes, "text/plain");
        var second = await bed.SyncAsync();
        Assert.Equal((1, 0), (second.Indexed, second.Pending));
        Assert.Equal(NoticeKind.Uitstel, bed.Engine.Get("2024D90105")!.NoticeKind);
        Assert.Equal(ExpectedDocuments + 1, bed.Keys().Distinct().Count());
    }

    [Fact]
    public async Task Open_questions_link_sets_to_answers_through_the_zaak()
    {
        await using var bed = await SyncTestBed.StartAsync();
        await bed.SyncAsync();
        var engine = bed.Engine;

        var report = new OpenQuestions(bed.State, key => engine.Get(key)?.NoticeKind).Build(new DateOnly(2024, 12, 1));

        // 2024Z18438 asked 14 Nov: late after 21 days, so not yet on 1 Dec; 2024Z17538 postponed: 42 days.
        Assert.Equal(["2024Z17538", "2024Z18438"], report.Open.Select(o => o.Zaak).Order(StringComparer.Ordinal));
        var postponed = report.Open.Single(o => o.Zaak == "2024Z17538");
        Assert.True(postponed.Postponed);
        Assert.Equal(new DateOnly(2024, 12, 18), postponed.Deadline);
        Assert.False(postponed.Late);
        Assert.False(report.Open.Single(o => o.Zaak == "2024Z18438").Late);
        var later = new OpenQuestions(bed.State, key => engine.Get(key)?.NoticeKind).Build(new DateOnly(2024, 12, 10));
        Assert.True(later.Open.Single(o => o.Zaak == "2024Z18438").Late);
        Assert.False(later.Open.Single(o => o.Zaak == "2024Z17538").Late);

        // 15 Aanhangsel answers, the Mededeling "beantwoord per brief", and Boswijk's answer a day later.
        Assert.Equal(17, report.Answered.Count);
        Assert.Equal(1, report.Answered.Single(a => a.Zaak == "2024Z18792").Days);
        Assert.Equal(19, report.Answered.Single(a => a.Subject!.Contains("regenboogbeleid", StringComparison.Ordinal)).Days);
        var gl = report.PerParty.Single(p => p.Name == "GroenLinks-PvdA");
        Assert.Equal(2, gl.Open);
        Assert.Contains(report.PerMinistry, m => m.Name == "Infrastructuur en Waterstaat" && m.Open == 2);
    }
}

using System.Diagnostics;
using SearchKamer.Sync;
using SearchKamer.Tests.Sync;
using Xunit.Abstractions;

namespace SearchKamer.Tests.Reliability;

/// <summary>
/// <c>searchkamer sync --once</c> in a child process against the fake SyncFeed (made from the
/// documentation), SIGKILLed at seeded random moments and restarted: it must end with the same
/// documents and watermarks as an uninterrupted sync, each document once, and a further run must
/// start from the watermark (nothing indexed or downloaded again).
/// </summary>
public sealed class SyncKillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PageDelay = TimeSpan.FromMilliseconds(10);

    // Slow enough per page that a kill lands mid-sync; retries short so a killed download costs little.
    private static readonly Dictionary<string, string> Tuning = new()
    {
        ["SearchKamer__Sync__PageDelay"] = PageDelay.ToString(),
        ["SearchKamer__Sync__RetryDelay"] = "00:00:00.020",
        ["SearchKamer__Sync__AttemptTimeout"] = "00:00:05",
    };

    [Fact]
    public async Task A_sync_killed_mid_run_resumes_from_its_watermark_and_ends_with_each_document_once()
    {
        var schedule = new KillSchedule(defaultSeed: 7003);
        await using var bed = await SyncTestBed.StartAsync(o => o with { PageDelay = PageDelay });
        var clock = Stopwatch.StartNew();
        await bed.SyncAsync();
        // The child also starts a runtime and JITs; a kill anywhere from start-up to the last page is wanted.
        var longest = clock.Elapsed + TimeSpan.FromSeconds(1);
        var clean = IndexSnapshot.Read(bed.Index.Path);
        Assert.Equal(SyncEndToEndTests.ExpectedDocuments, clean.PairsPerDocument.Count);
        var cleanWatermarks = TkApiNames.Categories.InOrder.Select(bed.State.Watermark).ToList();
        await using var server = await FakeTkServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("searchkamer-kill-sync-").FullName;
        try
        {
            string[] args = ["sync", "--once", "--base-url", server.BaseUrl, "--data", data];
            var kills = 0;
            for (var round = 0; round < schedule.Rounds; round++)
            {
                var delay = schedule.Next(TimeSpan.FromMilliseconds(100), longest);
                var context = schedule.Describe(round, delay);
                using var child = SearchkamerProcess.Start(args, Tuning);
                await Task.Delay(delay);
                if (!child.Kill())
                {
                    // It takes less than this delay here: later kills aim inside that span.
                    longest = delay;
                    // Finished before the kill: start from nothing, so the next round again kills a sync in progress.
                    Assert.True(await child.WaitAsync(TimeSpan.FromSeconds(5)) == 0, $"{context}: {child.Errors}");
                    Directory.Delete(data, recursive: true);
                    Directory.CreateDirectory(data);
                    continue;
                }

                kills++;
                var index = Path.Combine(data, "index");
                if (Indexing.SearchIndex.Exists(index))
                {
                    var snapshot = IndexSnapshot.Read(index);
                    snapshot.AssertWhole(context);
                }
            }

            output.WriteLine($"seed {schedule.Seed}: {kills} kills survived in {schedule.Rounds} rounds");
            Assert.True(kills > 0, $"seed {schedule.Seed}: every round finished before its kill; the test killed nothing");
            var (code, final) = await SearchkamerProcess.RunAsync(args, TimeSpan.FromMinutes(2), Tuning);
            Assert.True(code == 0, $"seed {schedule.Seed}: final sync exited {code}\n{string.Join('\n', final.Output)}\n{final.Errors}");
            IndexSnapshot.Read(Path.Combine(data, "index")).AssertSameDocumentsAs(clean, $"seed {schedule.Seed}, after {kills} kills");
            var state = new SyncState(SearchKamer.Host.Services.Store.Open(data));
            Assert.Equal(cleanWatermarks, TkApiNames.Categories.InOrder.Select(state.Watermark).ToList());

            var downloads = server.Requests.Count(r => r.StartsWith("/SyncFeed/2.0/Resources/", StringComparison.Ordinal));
            var (againCode, again) = await SearchkamerProcess.RunAsync(args, TimeSpan.FromMinutes(1), Tuning);
            Assert.Equal(0, againCode);
            Assert.Contains(again.Output, l => l.Contains(" 0 wijzigingen, 0 geïndexeerd, 0 verwijderd,", StringComparison.Ordinal));
            Assert.Equal(downloads, server.Requests.Count(r => r.StartsWith("/SyncFeed/2.0/Resources/", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}

using SearchKamer.Ingestion;
using Xunit.Abstractions;

namespace SearchKamer.Tests.Reliability;

/// <summary>
/// The host (<c>searchkamer --data DIR</c>) in a child process while files arrive in its inbox,
/// SIGKILLed at seeded random moments and restarted: no dropped file may be lost, every file it
/// logged as indexed must be in the index, and the end state must equal a clean ingest of the files.
/// </summary>
public sealed class InboxKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_host_killed_while_its_inbox_is_ingested_loses_no_file_and_indexes_each_document_once()
    {
        var schedule = new KillSchedule(defaultSeed: 7002);
        var data = Directory.CreateTempSubdirectory("searchkamer-kill-inbox-").FullName;
        try
        {
            var inbox = Directory.CreateDirectory(Path.Combine(data, "inbox")).FullName;
            var noCorpus = Directory.CreateDirectory(Path.Combine(data, "empty-corpus")).FullName;
            var files = FileWalker.Expand([RepoPaths.Corpus], new List<string>());
            var clean = IndexSnapshot.CleanCorpus.Snapshot;
            // One group per round, the last included: its files arrive in the final round only.
            var groups = Enumerable.Range(0, schedule.Rounds + 1).Select(r => files.Where((_, i) => i % (schedule.Rounds + 1) == r).ToArray()).ToList();
            var reported = new HashSet<string>();
            var kills = 0;
            for (var round = 0; round <= schedule.Rounds; round++)
            {
                using var host = SearchkamerProcess.Start(
                    ["--urls", LoopbackPort.Any, "--data", data, "--SearchKamer:CorpusDirectory=" + noCorpus, "--SearchKamer:InboxInterval=00:00:00.100"]);
                Drop(groups[round], inbox);

                if (round == schedule.Rounds)
                {
                    await WaitUntilIndexed(data, inbox, clean, host, TimeSpan.FromSeconds(90));
                    // The last group arrives in this round only, so each of its files must be logged: the
                    // "logged means durable" check below then cannot pass by finding no log lines at all.
                    await WaitUntilLogged(groups[^1].Select(f => Path.GetFileName(f)), host, TimeSpan.FromSeconds(30));
                }
                else
                {
                    // Start-up takes about a second; the kills land in start-up, recovery and ingestion alike.
                    var delay = schedule.Next(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(3500));
                    await Task.Delay(delay);
                    kills += host.Kill() ? 1 : 0;
                    CheckAfterKill(data, inbox, groups.Take(round + 1).SelectMany(g => g), reported, host, schedule.Describe(round, delay));
                }

                host.Kill();
                reported.UnionWith(Reported(host.Output));
            }

            Assert.Equal(schedule.Rounds, kills);
            output.WriteLine($"seed {schedule.Seed}: {kills} kills survived, {reported.Count} files logged as indexed before a kill or the end");
            var snapshot = IndexSnapshot.Read(Path.Combine(data, "index"));
            snapshot.AssertSameDocumentsAs(clean, $"seed {schedule.Seed}, after {kills} kills");
            Assert.False(Directory.Exists(Path.Combine(inbox, "failed")), $"seed {schedule.Seed}: files failed: {string.Join(", ", Listing(Path.Combine(inbox, "failed")))}");
            Assert.Equal(files.Select(Path.GetFileName).Order(StringComparer.Ordinal), Listing(Path.Combine(inbox, "done")));
            Assert.DoesNotContain(reported, name => !snapshot.SourcePaths.Contains(Path.Combine(inbox, "done", name)));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>Writes each file under a hidden name first (the watcher skips those), then renames it: a drop is atomic.</summary>
    private static void Drop(IEnumerable<string> files, string inbox)
    {
        foreach (var file in files)
        {
            var hidden = Path.Combine(inbox, "." + Path.GetFileName(file));
            File.Copy(file, hidden);
            File.Move(hidden, Path.Combine(inbox, Path.GetFileName(file)));
        }
    }

    private static void CheckAfterKill(string data, string inbox, IEnumerable<string> dropped, HashSet<string> reported, SearchkamerProcess host, string context)
    {
        reported.UnionWith(Reported(host.Output));
        var present = Listing(inbox).Concat(Listing(Path.Combine(inbox, "done"))).Concat(Listing(Path.Combine(inbox, "failed"))).ToHashSet();
        var lost = dropped.Select(Path.GetFileName).Where(name => !present.Contains(name!)).ToList();
        Assert.True(lost.Count == 0, $"{context}: dropped files in none of inbox/, done/, failed/: {string.Join(", ", lost)}");
        var index = Path.Combine(data, "index");
        if (!Indexing.SearchIndex.Exists(index))
        {
            Assert.True(reported.Count == 0, $"{context}: {reported.Count} files logged as indexed but no commit on disk");
            return;
        }

        var snapshot = IndexSnapshot.Read(index);
        snapshot.AssertWhole(context);
        var missing = reported.Where(name => !snapshot.SourcePaths.Contains(Path.Combine(inbox, "done", name))).ToList();
        Assert.True(missing.Count == 0, $"{context}: logged as indexed but not in the index: {string.Join(", ", missing)}");
    }

    /// <summary>Polls the index the host commits to (read-only, beside the running writer) until it holds every document.</summary>
    private static async Task WaitUntilIndexed(string data, string inbox, IndexSnapshot clean, SearchkamerProcess host, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        var index = Path.Combine(data, "index");
        while (DateTime.UtcNow < until && !host.HasExited)
        {
            if (Listing(inbox).Count == 0 && Indexing.SearchIndex.Exists(index))
            {
                try
                {
                    if (IndexSnapshot.Read(index).PairsPerDocument.Count >= clean.PairsPerDocument.Count)
                    {
                        return;
                    }
                }
                catch (IOException)
                {
                    // The writer removed a commit point while it was being opened; read the next one.
                }
            }

            await Task.Delay(250);
        }

        Assert.Fail($"the host did not index the inbox within {timeout.TotalSeconds} s (exited: {host.HasExited})\n{string.Join('\n', host.Output.TakeLast(30))}\n{host.Errors}");
    }

    private static async Task WaitUntilLogged(IEnumerable<string> names, SearchkamerProcess host, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        var expected = names.ToHashSet(StringComparer.Ordinal);
        while (!expected.IsSubsetOf(Reported(host.Output)) && DateTime.UtcNow < until)
        {
            await Task.Delay(100);
        }

        Assert.Subset(Reported(host.Output).ToHashSet(StringComparer.Ordinal), expected);
    }

    /// <summary>File names the watcher logged as indexed; it logs only after the commit.</summary>
    private static IEnumerable<string> Reported(IEnumerable<string> output) =>
        output.Select(l => l.Trim()).Where(l => l.StartsWith("Inbox: ", StringComparison.Ordinal) && l.EndsWith(" geïndexeerd", StringComparison.Ordinal))
            .Select(l => l["Inbox: ".Length..^" geïndexeerd".Length]);

    private static List<string> Listing(string dir) =>
        Directory.Exists(dir) ? [.. Directory.EnumerateFiles(dir).Select(f => Path.GetFileName(f)).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)] : [];
}

using SearchKamer.Indexing;
using Xunit.Abstractions;

namespace SearchKamer.Tests.Reliability;

/// <summary>
/// <c>searchkamer ingest</c> in a child process, SIGKILLed at seeded random moments and restarted over
/// a copy of the bundled corpus: the index must always open, hold every file the child had reported,
/// and end up exactly as an uninterrupted ingest of the same folder.
/// </summary>
public sealed class IngestKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_ingest_killed_at_random_moments_loses_no_reported_file_and_resumes_to_the_clean_index()
    {
        var schedule = new KillSchedule(defaultSeed: 7001);
        var data = Directory.CreateTempSubdirectory("searchkamer-kill-ingest-").FullName;
        try
        {
            var docs = Path.Combine(data, "docs");
            CorpusCopy.To(docs);
            var (clean, took) = IndexSnapshot.CleanCorpus;
            // The child also starts a runtime and JITs; a kill anywhere from start-up to the last commit is wanted.
            var longest = took + TimeSpan.FromSeconds(1);
            var index = Path.Combine(data, "index");
            string[] args = ["ingest", docs, "--data", data, "--batch", "10"];
            var kills = 0;
            for (var round = 0; round < schedule.Rounds; round++)
            {
                var delay = schedule.Next(TimeSpan.FromMilliseconds(100), longest);
                var context = schedule.Describe(round, delay);
                using var child = SearchkamerProcess.Start(args);
                await Task.Delay(delay);
                if (!child.Kill())
                {
                    // It takes less than this delay here: later kills aim inside that span.
                    longest = delay;
                    // Finished before the kill: start over, so the next round again kills an ingest in progress.
                    Assert.True(await child.WaitAsync(TimeSpan.FromSeconds(5)) == 0, $"{context}: {child.Errors}");
                    Directory.Delete(index, recursive: true);
                    continue;
                }

                kills++;
                var reported = ReportedFiles(child.Output);
                if (!SearchIndex.Exists(index))
                {
                    Assert.True(reported.Count == 0, $"{context}: {reported.Count} files reported but no commit on disk");
                    continue;
                }

                var snapshot = IndexSnapshot.Read(index);
                snapshot.AssertWhole(context);
                var lost = reported.Where(p => !snapshot.SourcePaths.Contains(p)).ToList();
                Assert.True(lost.Count == 0, $"{context}: reported as indexed but not in the index: {string.Join(", ", lost)}");
            }

            output.WriteLine($"seed {schedule.Seed}: {kills} kills survived in {schedule.Rounds} rounds");
            Assert.True(kills > 0, $"seed {schedule.Seed}: every round finished before its kill; the test killed nothing");
            var (code, final) = await SearchkamerProcess.RunAsync(args, TimeSpan.FromMinutes(2));
            Assert.True(code == 0, $"seed {schedule.Seed}: final run exited {code}\n{final.Errors}");
            IndexSnapshot.Read(index).AssertSameDocumentsAs(clean, $"seed {schedule.Seed}, after {kills} kills");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The paths of the "verwerkt" and "ongewijzigd" lines: the child prints them only after their commit.</summary>
    private static List<string> ReportedFiles(IEnumerable<string> output) =>
        [.. output.Where(l => l.StartsWith("verwerkt ", StringComparison.Ordinal) || l.StartsWith("ongewijzigd ", StringComparison.Ordinal))
            .Select(l => l[(l.IndexOf(' ', StringComparison.Ordinal) + 1)..].TrimStart())
            .Select(l => l.Contains("  (", StringComparison.Ordinal) ? l[..l.IndexOf("  (", StringComparison.Ordinal)] : l)];
}

using System.Collections.Concurrent;
using System.Diagnostics;
using SearchKamer.Host.Cli;
using SearchKamer.Ingestion;
using Xunit.Abstractions;

namespace SearchKamer.Tests.Hostile;

/// <summary>
/// Hundreds of seeded hostile files made from the real corpus: no crash, no hang, one line per file,
/// the untouched copies indexed, memory bounded.
/// </summary>
public sealed class HostileFileTests(ITestOutputHelper output) : IDisposable
{
    private const long MiB = 1024 * 1024;

    private readonly string _dir = Directory.CreateTempSubdirectory("searchkamer-hostile-").FullName;
    private readonly string _data = Directory.CreateTempSubdirectory("searchkamer-hostile-data-").FullName;

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void A_folder_of_hostile_files_is_ingested_without_crash_or_hang_one_line_each_in_bounded_memory()
    {
        var count = LongTests.Enabled ? 3000 : 280;
        var sources = Directory.EnumerateFiles(RepoPaths.Corpus, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Where(f => DocumentReader.Read(f).Ok)
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(sources.Count > 50, "the bundled corpus should read");
        var files = new HostileFiles(_dir, seed: 7, bombBytes: (LongTests.Enabled ? 1536 : 256) * MiB).Write(sources, count);

        using var memory = new PeakMemory();
        var clock = Stopwatch.StartNew();

        // Each file through the engine's entry point, timed on its own.
        var results = new ConcurrentDictionary<string, (ReadResult Result, TimeSpan Time)>();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            var one = Stopwatch.StartNew();
            var result = DocumentReader.Read(f.Path);
            results[f.Path] = (result, one.Elapsed);
        });
        var read = clock.Elapsed;

        // And the whole folder through the CLI, as an operator would.
        var text = new StringWriter();
        var exit = Cli.Dispatch(["ingest", "--data", _data, _dir], text);
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var (managed, workingSet) = memory.Stop();

        var slowest = results.MaxBy(r => r.Value.Time);
        var failed = lines.Count(l => l.StartsWith("mislukt", StringComparison.Ordinal));
        output.WriteLine($"{files.Count} files ({string.Join(", ", files.GroupBy(f => f.Kind).Select(g => $"{g.Key} {g.Count()}"))}); " +
            $"read in {read.TotalSeconds:0.0} s, ingest in {(clock.Elapsed - read).TotalSeconds:0.0} s; {failed} refused; slowest {slowest.Value.Time.TotalSeconds:0.00} s ({Path.GetFileName(slowest.Key)}); " +
            $"peak managed {managed / MiB} MiB, peak working set {workingSet / MiB} MiB");

        Assert.Equal(3, exit);
        Assert.True(slowest.Value.Time < DocumentReader.TimeLimit + TimeSpan.FromSeconds(5), $"{slowest.Key} took {slowest.Value.Time.TotalSeconds:0.0} s");
        Assert.DoesNotContain(results.Values, r => r.Result.Error?.StartsWith("onverwachte fout", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(lines, l => l.Contains("   at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var line = Assert.Single(lines, l => l.Contains(file.Path, StringComparison.Ordinal));
            var refused = line.StartsWith("mislukt", StringComparison.Ordinal);
            Assert.True(file.Expected switch { Expectation.Good => !refused, Expectation.Bad => refused, _ => true }, $"{file.Kind}: {line}");
            Assert.Equal(refused, !results[file.Path].Result.Ok);
            if (refused)
            {
                Assert.True(line.Length > line.IndexOf(file.Path, StringComparison.Ordinal) + file.Path.Length + 5, $"no reason given: {line}");
            }
        }

        Assert.StartsWith($"{files.Count} bestanden:", lines[^1]);
        Assert.Contains($" {failed} mislukt", lines[^1]);

        // Generous: the whole test process, other tests included; a runaway inflation or nesting takes gigabytes.
        Assert.True(managed < 1536 * MiB, $"peak managed memory {managed / MiB} MiB");
        Assert.True(workingSet < 3072 * MiB, $"peak working set {workingSet / MiB} MiB");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(LongTests.Enabled ? 600 : 60), $"took {clock.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>Samples the process's managed heap and working set until stopped.</summary>
    private sealed class PeakMemory : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampler;
        private long _managed;
        private long _workingSet;

        public PeakMemory()
        {
            _sampler = Task.Run(async () =>
            {
                using var process = Process.GetCurrentProcess();
                while (!_stop.IsCancellationRequested)
                {
                    process.Refresh();
                    _managed = Math.Max(_managed, GC.GetTotalMemory(false));
                    _workingSet = Math.Max(_workingSet, process.WorkingSet64);
                    await Task.Delay(10);
                }
            });
        }

        public (long Managed, long WorkingSet) Stop()
        {
            _stop.Cancel();
            _sampler.Wait();
            return (_managed, _workingSet);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}

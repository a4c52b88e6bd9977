using System.Diagnostics;

namespace SearchKamer.Host.Cli;

/// <summary>What a load run saw: every request's latency and outcome.</summary>
public sealed record LoadResult(TimeSpan Elapsed, double[] SortedMillis, IReadOnlyDictionary<int, int> Statuses, int Failures, IReadOnlyList<string> FailureSamples)
{
    public int Requests => SortedMillis.Length;

    /// <summary>Transport failures and every status other than 200.</summary>
    public int Errors => Failures + Statuses.Where(s => s.Key != 200).Sum(s => s.Value);

    public double PerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(int p) => SortedMillis.Length == 0 ? 0 : BenchSearchCommand.Percentile(SortedMillis, p);
}

/// <summary>
/// A closed-loop load generator: each connection sends its next request as soon as the previous
/// answer has been read in full, for a fixed time, cycling through the paths in order.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadResult> Run(HttpClient client, IReadOnlyList<string> paths, int connections, TimeSpan duration)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var mine = new Worker();
            while (clock.Elapsed < duration)
            {
                var path = paths[(int)((uint)Interlocked.Increment(ref next) % (uint)paths.Count)];
                await mine.Send(client, path);
            }

            return mine;
        })).ToArray();
        var done = await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;

        var statuses = new Dictionary<int, int>();
        foreach (var (status, count) in done.SelectMany(w => w.Statuses))
        {
            statuses[status] = statuses.GetValueOrDefault(status) + count;
        }

        return new LoadResult(
            elapsed,
            done.SelectMany(w => w.Millis).Order().ToArray(),
            statuses,
            done.Sum(w => w.Failures),
            done.SelectMany(w => w.FailureSamples).Take(5).ToList());
    }

    private sealed class Worker
    {
        public List<double> Millis { get; } = [];

        public Dictionary<int, int> Statuses { get; } = [];

        public List<string> FailureSamples { get; } = [];

        public int Failures { get; private set; }

        public async Task Send(HttpClient client, string path)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                Millis.Add(clock.Elapsed.TotalMilliseconds);
                var status = (int)response.StatusCode;
                Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
                if (status != 200 && FailureSamples.Count < 5)
                {
                    FailureSamples.Add($"{status} {path}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Millis.Add(clock.Elapsed.TotalMilliseconds);
                Failures++;
                if (FailureSamples.Count < 5)
                {
                    FailureSamples.Add($"{e.GetType().Name}: {e.Message} ({path})");
                }
            }
        }
    }
}

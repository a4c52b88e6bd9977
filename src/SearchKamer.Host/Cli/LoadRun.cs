using System.Diagnostics;

namespace SearchKamer.Host.Cli;

/// <summary>The requests sent (or due) in one second of a run: how many, and their p99 and slowest latency.</summary>
public sealed record LoadSecond(int Second, int Requests, double P99, double Max);

/// <summary>What a load run saw: every request's latency and outcome, and per second of the run.</summary>
public sealed record LoadResult(TimeSpan Elapsed, double[] SortedMillis, IReadOnlyDictionary<int, int> Statuses, int Failures, IReadOnlyList<string> FailureSamples,
    IReadOnlyList<LoadSecond> Seconds)
{
    /// <summary>The seconds with the highest p99 first: a stall shows as one bad second, which a run's p99 blurs.</summary>
    public IEnumerable<LoadSecond> WorstSeconds(int count) => Seconds.OrderByDescending(s => s.P99).ThenBy(s => s.Second).Take(count);

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
                await mine.Send(client, path, clock, clock.Elapsed.TotalMilliseconds);
            }

            return mine;
        })).ToArray();
        var done = await Task.WhenAll(workers);
        return Summarise(clock.Elapsed, done);
    }

    /// <summary>
    /// An open loop: request i is due at i / <paramref name="rate"/> seconds and is sent then on a free
    /// connection (at most <paramref name="connections"/> in flight); its latency counts from when it was
    /// due, so a stall of the host shows in the figures instead of quietly slowing the load (what a closed
    /// loop does: there, latency only mirrors how many connections queue).
    /// </summary>
    /// <summary>Every path in turn, <paramref name="rounds"/> times, one request at a time over one connection.</summary>
    public static async Task<LoadResult> Serial(HttpClient client, IReadOnlyList<string> paths, int rounds)
    {
        var clock = Stopwatch.StartNew();
        var worker = new Worker();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var path in paths)
            {
                await worker.Send(client, path, clock, clock.Elapsed.TotalMilliseconds);
            }
        }

        return Summarise(clock.Elapsed, [worker]);
    }

    public static async Task<LoadResult> RunAtRate(HttpClient client, IReadOnlyList<string> paths, int connections, double rate, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var free = new SemaphoreSlim(connections);
        var workers = new List<Worker>();
        var sending = new List<Task>();
        for (long i = 0; ; i++)
        {
            var due = i / rate * 1000;
            if (due >= duration.TotalMilliseconds)
            {
                break;
            }

            while (clock.Elapsed.TotalMilliseconds < due)
            {
                await Task.Delay(1);
            }

            await free.WaitAsync();
            var worker = new Worker();
            workers.Add(worker);
            var path = paths[(int)(i % paths.Count)];
            sending.Add(Task.Run(async () =>
            {
                try
                {
                    await worker.Send(client, path, clock, due);
                }
                finally
                {
                    free.Release();
                }
            }));
        }

        await Task.WhenAll(sending);
        return Summarise(clock.Elapsed, workers);
    }

    private static LoadResult Summarise(TimeSpan elapsed, IReadOnlyList<Worker> done)
    {
        var statuses = new Dictionary<int, int>();
        foreach (var (status, count) in done.SelectMany(w => w.Statuses))
        {
            statuses[status] = statuses.GetValueOrDefault(status) + count;
        }

        var seconds = done.SelectMany(w => w.Samples).GroupBy(x => (int)(x.StartMs / 1000)).OrderBy(g => g.Key).Select(g =>
        {
            var sorted = g.Select(x => x.Millis).Order().ToArray();
            return new LoadSecond(g.Key, sorted.Length, BenchSearchCommand.Percentile(sorted, 99), sorted[^1]);
        }).ToList();
        return new LoadResult(
            elapsed,
            done.SelectMany(w => w.Samples).Select(x => x.Millis).Order().ToArray(),
            statuses,
            done.Sum(w => w.Failures),
            done.SelectMany(w => w.FailureSamples).Take(5).ToList(),
            seconds);
    }

    private sealed class Worker
    {
        /// <summary>Per request: when it was sent (or due) on the run's clock, and its latency.</summary>
        public List<(double StartMs, double Millis)> Samples { get; } = [];

        public Dictionary<int, int> Statuses { get; } = [];

        public List<string> FailureSamples { get; } = [];

        public int Failures { get; private set; }

        /// <param name="dueMs">When on <paramref name="clock"/> the request was due (or sent); its latency counts from then.</param>
        public async Task Send(HttpClient client, string path, Stopwatch clock, double dueMs)
        {
            try
            {
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                Samples.Add((dueMs, clock.Elapsed.TotalMilliseconds - dueMs));
                var status = (int)response.StatusCode;
                Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
                if (status != 200 && FailureSamples.Count < 5)
                {
                    FailureSamples.Add($"{status} {path}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Samples.Add((dueMs, clock.Elapsed.TotalMilliseconds - dueMs));
                Failures++;
                if (FailureSamples.Count < 5)
                {
                    FailureSamples.Add($"{e.GetType().Name}: {e.Message} ({path})");
                }
            }
        }
    }
}

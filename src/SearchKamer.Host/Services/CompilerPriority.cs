using SearchKamer.Indexing;

namespace SearchKamer.Host.Services;

/// <summary>
/// A minute after start (and not before the start-up warm-up has ended) the runtime's background compiler
/// goes to background priority. By then the searches run optimised code — under full load from the first
/// second the runtime needed some 40 s for that, and lowered earlier it needed longer: 488–490 instead of
/// 542–546 requests/s in the 16-connection bench. What the compiler gets afterwards is code that runs for the
/// first time later on, ingest and merge paths above all, and at normal priority its bursts (hundreds of
/// methods in a second or two) took a core from the searches: the worst seconds of the load-while-ingesting
/// runs (README "Reliability"). The runtime ends its compiler thread when idle and starts a new one at the
/// priority of whichever thread needed it, so the thread is looked for again every quarter second.
/// </summary>
public sealed class CompilerPriority : BackgroundService
{
    /// <summary>The runtime's tiered-compilation thread as Linux names it (names are cut to 15 characters).</summary>
    public const string CompilerThread = ".NET Tiered Com";

    public static readonly TimeSpan After = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);

    private readonly SearchWarmup _warmup;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _after;
    private readonly string _thread;
    private readonly long _started;

    public CompilerPriority(SearchWarmup warmup, TimeProvider clock)
        : this(warmup, clock, After, CompilerThread)
    {
    }

    /// <summary>For tests: another wait, and a stand-in thread name so the test process's own compiler is left alone.</summary>
    internal CompilerPriority(SearchWarmup warmup, TimeProvider clock, TimeSpan after, string thread)
    {
        (_warmup, _clock, _after, _thread) = (warmup, clock, after, thread);
        _started = clock.GetTimestamp();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            await WarmupFinished(stoppingToken);
            if (_after - _clock.GetElapsedTime(_started) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, _clock, stoppingToken);
            }

            using var timer = new PeriodicTimer(Every);
            do
            {
                BackgroundPriority.LowerThreadsNamed(_thread);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
    }

    private async Task WarmupFinished(CancellationToken stop)
    {
        // Hosted services start in order; the warm-up has its task once it has started.
        while (_warmup.ExecuteTask is null)
        {
            await Task.Delay(Every, stop);
        }

        try
        {
            await _warmup.ExecuteTask.WaitAsync(stop);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed warm-up is the warm-up's to report; the compiler is lowered all the same.
        }
    }
}

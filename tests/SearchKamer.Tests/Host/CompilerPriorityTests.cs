using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SearchKamer.Host.Services;
using SearchKamer.Indexing;
using SearchKamer.Tests.Search;

namespace SearchKamer.Tests.Host;

/// <summary>After its wait, the host keeps the runtime's compiler thread (here a stand-in by name) at background priority.</summary>
[Collection(CorpusIndexCollection.Name)]
public class CompilerPriorityTests(CorpusIndexFixture corpus)
{
    private static readonly string Lowered = $"nice {BackgroundPriority.Nice}";

    [Fact]
    public async Task Once_its_wait_is_over_the_compiler_thread_runs_at_background_priority_and_others_do_not()
    {
        using var compiler = new StandIn("compiler-test-1");
        using var other = new StandIn("compiler-other");

        var seen = await Run(TimeSpan.Zero, compiler.Name, until: TimeSpan.FromSeconds(10));

        Assert.Equal(OperatingSystem.IsLinux() ? [Lowered] : [], seen);
        Assert.Equal(OperatingSystem.IsLinux() ? ["nice 0"] : [], ThreadPriorities.OfThreadsNamed(other.Name));
    }

    [Fact]
    public async Task Before_its_wait_is_over_the_compiler_thread_keeps_its_priority()
    {
        using var compiler = new StandIn("compiler-test-2");

        var seen = await Run(TimeSpan.FromMinutes(5), compiler.Name, until: TimeSpan.FromSeconds(1));

        Assert.Equal(OperatingSystem.IsLinux() ? ["nice 0"] : [], seen);
    }

    /// <summary>A stand-in by name threads the runtime starts itself: the real compiler thread is left alone.</summary>
    private sealed class StandIn : IDisposable
    {
        private readonly ManualResetEventSlim _stop = new();

        public StandIn(string name)
        {
            Name = name;
            new Thread(() => _stop.Wait()) { Name = name, IsBackground = true }.Start();
            while (OperatingSystem.IsLinux() && ThreadPriorities.OfThreadsNamed(name).Count == 0)
            {
                Thread.Sleep(10);
            }
        }

        public string Name { get; }

        public void Dispose() => _stop.Set();
    }

    private async Task<List<string>> Run(TimeSpan after, string thread, TimeSpan until)
    {
        var warmup = new SearchWarmup(corpus.Index, corpus.Engine, Options.Create(new SearchKamerOptions { WarmupSearches = 0 }),
            NullLogger<SearchWarmup>.Instance, TimeProvider.System);
        using var service = new CompilerPriority(warmup, TimeProvider.System, after, thread);
        await warmup.StartAsync(CancellationToken.None);
        await service.StartAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var seen = ThreadPriorities.OfThreadsNamed(thread);
        while (clock.Elapsed < until && !seen.Contains(Lowered))
        {
            await Task.Delay(50);
            seen = ThreadPriorities.OfThreadsNamed(thread);
        }

        await service.StopAsync(CancellationToken.None);
        return seen;
    }
}

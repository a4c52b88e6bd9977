using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SearchKamer.Host.Services;
using SearchKamer.Host.Web;

namespace SearchKamer.Tests.Host;

/// <summary>At most the configured number of searches run at once; the others wait and all are answered.</summary>
public class SearchGateTests
{
    [Fact]
    public async Task No_more_searches_run_at_once_than_there_are_slots_and_every_one_is_answered()
    {
        var gate = new SearchGate(Options.Create(new SearchKamerOptions { ConcurrentSearches = 2 }));
        var running = 0;
        var most = 0;
        var count = new Lock();
        async ValueTask<object?> Search(EndpointFilterInvocationContext _)
        {
            // Counted under a lock: an unguarded maximum could lose the very overlap the test looks for.
            lock (count)
            {
                most = Math.Max(most, ++running);
            }

            await Task.Delay(20);
            lock (count)
            {
                running--;
            }

            return "antwoord";
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Task.Run(async () => await gate.Pass(new DefaultEndpointFilterInvocationContext(new DefaultHttpContext()), Search))));

        Assert.Equal(2, most);
        Assert.All(answers, a => Assert.Equal("antwoord", a));
    }

    [Fact]
    public async Task A_client_that_leaves_while_waiting_is_not_searched_for()
    {
        var gate = new SearchGate(Options.Create(new SearchKamerOptions { ConcurrentSearches = 1 }));
        var release = new TaskCompletionSource();
        var first = gate.Pass(new DefaultEndpointFilterInvocationContext(new DefaultHttpContext()), async _ =>
        {
            await release.Task;
            return "eerste";
        });

        using var leaving = new CancellationTokenSource();
        var searched = false;
        var waiting = gate.Pass(new DefaultEndpointFilterInvocationContext(new DefaultHttpContext { RequestAborted = leaving.Token }), _ =>
        {
            searched = true;
            return ValueTask.FromResult<object?>("tweede");
        });
        await leaving.CancelAsync();

        Assert.Same(Results.Empty, await waiting);
        release.SetResult();
        Assert.Equal("eerste", await first);
        Assert.False(searched);
    }
}

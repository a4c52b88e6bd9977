using System.Net;
using System.Text.Json;
using SearchKamer.Host.Cli;

namespace SearchKamer.Tests.Host;

/// <summary>
/// /health/ready is readiness beside /health as liveness: 503 with its reason while the start-up warm-up runs,
/// 200 once it has ended; <c>bench http</c> waits for it. The warm-up is held mid-run by its clock, not by sleeping.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_is_503_with_its_reason_while_the_warmup_runs_and_200_once_it_has_ended()
    {
        var gate = new WarmupGate(heldAtReading: 3);
        using var host = new SmallHost(RepoPaths.CorpusFile("pdf"), gate.Clock);
        using var releasedBeforeTheHostStops = gate;
        gate.WaitUntilHeld();

        var (readyWhileWarming, reason) = await Ready(host);
        using var live = await host.Client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyWhileWarming);
        // Readings 1 and 2 let a search through each; the third holds the warm-up before its third search.
        Assert.Contains("opwarmen", reason, StringComparison.Ordinal);
        Assert.Contains("2 zoekvragen gedaan", reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);

        gate.Release();
        var until = DateTime.UtcNow.AddMinutes(1);
        while ((await Ready(host)).Status != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < until, "not ready a minute after the warm-up was released");
            await Task.Delay(50);
        }

        Assert.Equal("klaar", (await Ready(host)).Description);
    }

    [Fact]
    public async Task A_host_without_warmup_is_ready_at_once()
    {
        using var host = new SmallHost(RepoPaths.CorpusFile("pdf"));

        var (status, description) = await Ready(host);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("klaar", description);
    }

    [Fact]
    public async Task A_host_with_nothing_to_search_is_not_ready()
    {
        using var host = SmallHost.OverEmptyCorpus();

        var (status, description) = await Ready(host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("geen index", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Bench_waits_for_readiness_and_names_what_it_waited_for()
    {
        var gate = new WarmupGate(heldAtReading: 1);
        using var host = new SmallHost(RepoPaths.CorpusFile("pdf"), gate.Clock);
        using var releasedBeforeTheHostStops = gate;
        gate.WaitUntilHeld();

        // A limit of zero: one question, then the error.
        var e = Assert.Throws<CliArgumentException>(() => HostReadiness.Wait(host.Client, TimeSpan.Zero, () => null));

        Assert.Contains("/health/ready", e.Message, StringComparison.Ordinal);
        Assert.Contains("503: opwarmen", e.Message, StringComparison.Ordinal);
        gate.Release();
        Assert.True(HostReadiness.Wait(host.Client, TimeSpan.FromSeconds(60), () => null) < TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Bench_stops_waiting_when_the_host_has_stopped()
    {
        using var client = new HttpClient(new Answers(_ => HttpStatusCode.ServiceUnavailable)) { BaseAddress = new Uri("http://127.0.0.1:9/") };

        var e = Assert.Throws<CliArgumentException>(() => HostReadiness.Wait(client, TimeSpan.FromMinutes(5), () => "de host stopte bij het starten (code 2)"));

        Assert.Equal("de host stopte bij het starten (code 2)", e.Message);
    }

    [Fact]
    public void Bench_takes_a_host_without_readiness_as_ready_once_health_answers()
    {
        // A host of an older version: no /health/ready (404), a healthy /health.
        using var client = new HttpClient(new Answers(path => path == "/health" ? HttpStatusCode.OK : HttpStatusCode.NotFound)) { BaseAddress = new Uri("http://127.0.0.1:9/") };

        HostReadiness.Wait(client, TimeSpan.Zero, () => null);

        using var down = new HttpClient(new Answers(path => path == "/health" ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.NotFound)) { BaseAddress = new Uri("http://127.0.0.1:9/") };
        var e = Assert.Throws<CliArgumentException>(() => HostReadiness.Wait(down, TimeSpan.Zero, () => null));
        Assert.Contains("http://127.0.0.1:9/health gaf 503", e.Message, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Description)> Ready(SmallHost host)
    {
        using var response = await host.Client.GetAsync("/health/ready");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, json.GetProperty("description").GetString()!);
    }

    /// <summary>A warm-up clock that holds the warm-up at one reading until the test releases it (at most a minute).</summary>
    private sealed class WarmupGate : IDisposable
    {
        private readonly ManualResetEventSlim _held = new();
        private readonly ManualResetEventSlim _go = new();

        public WarmupGate(int heldAtReading)
        {
            Clock = new ScriptedClock(n =>
            {
                if (n == heldAtReading)
                {
                    _held.Set();
                    _go.Wait(TimeSpan.FromMinutes(1));
                }

                return TimeSpan.Zero;
            });
        }

        public ScriptedClock Clock { get; }

        public void WaitUntilHeld() => Assert.True(_held.Wait(TimeSpan.FromMinutes(1)), "the warm-up never reached its held reading");

        public void Release() => _go.Set();

        // Disposed before the host, whose stop would otherwise wait for the held warm-up.
        public void Dispose() => _go.Set();
    }

    private sealed class Answers(Func<string, HttpStatusCode> status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status(request.RequestUri!.AbsolutePath)) { Content = new StringContent("{}") });
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using SearchKamer.Host.Cli;
using SearchKamer.Host.Web;
using SearchKamer.Search;

namespace SearchKamer.Tests.Host;

/// <summary>The pieces of <c>bench http</c>: its requests ask what the in-process bench asks, and its counts are exact.</summary>
[Collection(HostCollection.Name)]
public sealed class LoadRunTests(HostFixture host)
{
    [Fact]
    public async Task A_bench_request_with_a_minister_filter_finds_what_the_facet_counted()
    {
        var facet = (await host.Json("/api/search?q=externe+inhuur")).GetProperty("facets").GetProperty("minister")[0];
        var minister = facet.GetProperty("value").GetString()!;
        var path = SearchParameters.ApiPath(new SearchRequest { Query = "externe inhuur", Ministers = [minister] });

        var filtered = await host.Json("/" + path);

        Assert.Equal(facet.GetProperty("count").GetInt32(), filtered.GetProperty("totalDocuments").GetInt32());
    }

    [Fact]
    public void A_bench_request_reads_back_as_the_same_search()
    {
        var request = new SearchRequest
        {
            Query = "\"externe inhuur\" gemeente*",
            Ministers = ["Hugo de Jonge"],
            Parties = ["GroenLinks-PvdA", "D66"],
            Kinds = ["antwoord"],
            From = new DateOnly(2023, 9, 1),
            To = new DateOnly(2024, 8, 31),
        };
        var path = SearchParameters.ApiPath(request);

        var read = SearchParameters.Parse(new QueryCollection(QueryHelpers.ParseQuery(path[path.IndexOf('?')..])));

        Assert.Equal(request.Query, read.Query);
        Assert.Equal(request.Ministers, read.Ministers);
        Assert.Equal(request.Parties, read.Parties);
        Assert.Equal(request.Kinds, read.Kinds);
        Assert.Equal((request.From, request.To), (read.From, read.To));
    }

    [Fact]
    public async Task A_load_run_counts_every_request_and_names_the_ones_that_failed()
    {
        string[] paths = ["api/search?q=externe+inhuur", "api/search?q=gemeente&sort=nieuwste", "api/search?q=inhuur&page=0"];

        var result = await LoadRun.Run(host.Client, paths, connections: 3, TimeSpan.FromSeconds(2));

        Assert.True(result.Requests >= paths.Length, $"only {result.Requests} requests in 2 s");
        Assert.Equal(result.Requests, result.Statuses.Values.Sum() + result.Failures);
        // Every third request asks for page 0, which the API refuses with a 400.
        Assert.InRange(result.Statuses.GetValueOrDefault(400), result.Requests / 3 - 3, result.Requests / 3 + 3);
        Assert.Equal(result.Statuses.GetValueOrDefault(400), result.Errors);
        Assert.Contains(result.FailureSamples, s => s.StartsWith("400 api/search?q=inhuur&page=0", StringComparison.Ordinal));
        Assert.True(result.Percentile(50) <= result.Percentile(99) && result.Percentile(99) <= result.SortedMillis[^1]);
        Assert.Equal(result.Requests, result.Seconds.Sum(s => s.Requests));
    }

    [Fact]
    public async Task A_class_run_asks_each_class_on_its_own_and_spreads_the_host_cpu_over_its_requests()
    {
        IReadOnlyList<string> good = ["api/search?q=externe+inhuur", "api/search?q=gemeente"];
        IReadOnlyList<string> refused = ["api/search?q=inhuur&page=0"];
        // A host clock that moves 10 ms between any two readings: read before and after each class, it gives each 10 ms.
        var readings = 0;

        var figures = await ClassRun.Run(host.Client, [("goed", good), ("geweigerd", refused)], rounds: 3, () => TimeSpan.FromMilliseconds(10 * ++readings));
        var unknownCpu = await ClassRun.Run(host.Client, [("goed", good)], rounds: 1, hostCpu: null);

        Assert.Equal(["goed", "geweigerd"], figures.Select(f => f.Name));
        Assert.Equal([6, 3], figures.Select(f => f.Requests));
        Assert.Equal([0, 3], figures.Select(f => f.Errors));
        Assert.Equal([10.0 / 6, 10.0 / 3], figures.Select(f => f.CpuMillis!.Value));
        Assert.All(figures, f => Assert.True(f.P50 > 0));
        Assert.Null(unknownCpu.Single().CpuMillis);
    }

    [Fact]
    public async Task An_open_loop_run_sends_its_rate_for_its_duration_and_counts_each_answer()
    {
        string[] paths = ["api/search?q=externe+inhuur", "api/search?q=inhuur&page=0"];

        var result = await LoadRun.RunAtRate(host.Client, paths, connections: 4, rate: 40, TimeSpan.FromSeconds(1.5));

        Assert.Equal(60, result.Requests);
        Assert.Equal(30, result.Statuses.GetValueOrDefault(200));
        Assert.Equal(30, result.Statuses.GetValueOrDefault(400));
        Assert.True(result.Elapsed >= TimeSpan.FromSeconds(1.45), $"{result.Elapsed}: sent faster than the rate");
        // Each request falls in the second it was due: 40 in the first, the other 20 in the second.
        Assert.Equal([(0, 40), (1, 20)], result.Seconds.Select(s => (s.Second, s.Requests)));
        Assert.All(result.Seconds, s => Assert.InRange(s.P99, 0, s.Max));
        Assert.Equal(result.Seconds.Max(s => s.P99), result.WorstSeconds(1).Single().P99);
    }
}

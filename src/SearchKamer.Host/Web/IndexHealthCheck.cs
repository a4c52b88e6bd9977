using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SearchKamer.Indexing;

namespace SearchKamer.Host.Web;

/// <summary>
/// /health: the documents, pairs and last commit the searchers see. Without a document there is
/// nothing to search, so a load balancer must see the host as down (503), not merely degraded.
/// The readiness checks (<see cref="ReadinessCheck"/>) are for /health/ready only: a warming host is alive.
/// </summary>
public sealed class IndexHealthCheck(SearchIndex index) : IHealthCheck
{
    public static HealthCheckOptions Options { get; } = new()
    {
        ResultStatusCodes = { [HealthStatus.Healthy] = 200, [HealthStatus.Degraded] = 200, [HealthStatus.Unhealthy] = 503 },
        ResponseWriter = WriteAsync,
        Predicate = check => !check.Tags.Contains(ReadinessCheck.Tag),
    };

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var documents = index.DocumentCount();
        var data = new Dictionary<string, object>
        {
            ["documents"] = documents,
            ["pairs"] = index.PairCount(),
            ["lastCommit"] = index.LastCommitData().TryGetValue("committed", out var at) ? at : "",
        };
        return Task.FromResult(documents > 0
            ? HealthCheckResult.Healthy($"{documents} documenten", data)
            : HealthCheckResult.Unhealthy("geen index: nog geen enkel document geïndexeerd", data: data));
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var entry = report.Entries.Values.FirstOrDefault();
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["description"] = entry.Description,
        };
        foreach (var (key, value) in entry.Data ?? new Dictionary<string, object>())
        {
            body[key] = value is "" ? null : value;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

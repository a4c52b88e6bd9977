using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SearchKamer.Host.Services;

namespace SearchKamer.Host.Web;

/// <summary>
/// /health/ready, beside /health as readiness beside liveness: 503 while the start-up warm-up runs, so a load
/// balancer (or <c>bench http</c>) sends visitors only once the searches run optimised code. Right after a
/// start the host answers, but its first seconds under load had answers of half a second and more while it
/// compiled its search code and its own warm-up took a core (docs/start-up.md). The index check is asked too:
/// a host with nothing to search is not ready either.
/// </summary>
public sealed class ReadinessCheck(SearchWarmup warmup) : IHealthCheck
{
    /// <summary>The tag of checks that only /health/ready asks; /health (liveness) leaves them out.</summary>
    public const string Tag = "ready";

    public static HealthCheckOptions Options { get; } = new()
    {
        ResultStatusCodes = { [HealthStatus.Healthy] = 200, [HealthStatus.Degraded] = 200, [HealthStatus.Unhealthy] = 503 },
        ResponseWriter = WriteAsync,
    };

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["searches"] = warmup.Done };
        return Task.FromResult(warmup.Finished
            ? HealthCheckResult.Healthy($"opgewarmd ({warmup.Done} zoekvragen)", data)
            : HealthCheckResult.Unhealthy(
                $"opwarmen na de start loopt nog: {warmup.Done} zoekvragen gedaan, klaar na hoogstens {SearchWarmup.MaxWait.TotalSeconds:0} s", data: data));
    }

    /// <summary>The overall status, why it is not ready (the descriptions of the checks that fail), and every check.</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var failing = report.Entries.Values.Where(e => e.Status == HealthStatus.Unhealthy).Select(e => e.Description).ToList();
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["description"] = failing.Count > 0 ? string.Join("; ", failing) : "klaar",
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace SearchKamer.Host.Cli;

/// <summary>
/// <c>bench http</c> loads a host only once it is ready (GET /health/ready answers 2xx). Before that the host's
/// start-up warm-up takes a core and its search code is not yet optimised: measured from the first answer of
/// /health, the first seconds had answers of half a second and more (docs/start-up.md). A host of a version
/// without /health/ready (404) counts as ready once /health answers 2xx.
/// </summary>
public static class HostReadiness
{
    public const string ReadyPath = "health/ready";

    /// <summary>Asks until the host is ready; returns how long that took, or fails with what was asked and the last answer.</summary>
    /// <param name="stopped">Why the host can no longer become ready (it exited), or null.</param>
    public static TimeSpan Wait(HttpClient probe, TimeSpan limit, Func<string?> stopped)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (stopped() is { } why)
            {
                throw new CliArgumentException(why);
            }

            var (path, answer) = (ReadyPath, Ask(probe, ReadyPath));
            if (answer.Status == 404)
            {
                (path, answer) = ("health", Ask(probe, "health"));
            }

            if (answer.Status is >= 200 and < 300)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed >= limit)
            {
                throw new CliArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"de host was na {limit.TotalSeconds:0} s niet klaar: GET {new Uri(probe.BaseAddress!, path)} gaf {answer.Text}"));
            }

            Thread.Sleep(250);
        }
    }

    private static (int Status, string Text) Ask(HttpClient probe, string path)
    {
        try
        {
            using var response = probe.GetAsync(path).GetAwaiter().GetResult();
            var status = (int)response.StatusCode;
            return (status, $"{status}{Reason(response.Content.ReadAsStringAsync().GetAwaiter().GetResult())}");
        }
        catch (HttpRequestException e)
        {
            return (0, $"geen antwoord ({e.Message})");
        }
        catch (TaskCanceledException)
        {
            return (0, $"geen antwoord binnen {probe.Timeout.TotalSeconds:0} s");
        }
    }

    /// <summary>The health answer's own description ("opwarmen … loopt nog"), when the body has one.</summary>
    private static string Reason(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("description", out var d) ? $": {d}" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}

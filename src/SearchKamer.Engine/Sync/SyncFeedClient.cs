using System.Globalization;
using System.Net;
using System.Xml;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;

namespace SearchKamer.Sync;

/// <summary>A response body that ended early or could not be read in time; retried like a 5xx.</summary>
public sealed class TruncatedBodyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// HTTP access to the open-data API: feed pages and files. Status codes, connection errors and
/// slow headers are retried by the standard resilience handler on the HttpClient; bodies that end
/// early or do not parse are retried here, because the handler has returned before the body is read.
/// </summary>
public sealed class SyncFeedClient
{
    public const string HttpClientName = "tk-open-data";

    private const long MaxPageBytes = 64L * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly SyncOptions _options;
    private readonly ResiliencePipeline _bodyRetry;

    public SyncFeedClient(HttpClient http, SyncOptions options)
    {
        _http = http;
        _options = options;
        _bodyRetry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<TruncatedBodyException>()
                    .Handle<XmlException>()
                    .Handle<System.Text.Json.JsonException>()
                    .Handle<HttpRequestException>(e => e.StatusCode is null),
                MaxRetryAttempts = Math.Max(0, options.MaxRetries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
    }

    /// <summary>The named HttpClient with the standard resilience handler, tuned from <paramref name="options"/>.</summary>
    public static IServiceCollection Register(IServiceCollection services, SyncOptions options)
    {
        services.AddHttpClient(HttpClientName, c =>
        {
            c.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/");
            c.Timeout = Timeout.InfiniteTimeSpan;
            c.DefaultRequestHeaders.UserAgent.ParseAdd("SearchKamer-sync/1.0");
        })
        .AddStandardResilienceHandler(o =>
        {
            o.AttemptTimeout.Timeout = options.AttemptTimeout;
            o.TotalRequestTimeout.Timeout = options.TotalTimeout;
            o.Retry.MaxRetryAttempts = Math.Max(1, options.MaxRetries);
            o.Retry.Delay = options.RetryDelay;
            o.Retry.BackoffType = DelayBackoffType.Exponential;
            o.Retry.UseJitter = true;
            var sampling = options.AttemptTimeout * 2;
            o.CircuitBreaker.SamplingDuration = sampling > TimeSpan.FromSeconds(30) ? sampling : TimeSpan.FromSeconds(30);
        });
        return services;
    }

    public Task<FeedPage> GetPageAsync(string category, long? skiptoken, CancellationToken ct)
    {
        var url = $"{TkApiNames.FeedPath}?{TkApiNames.CategoryParameter}={Uri.EscapeDataString(category)}"
            + (skiptoken is { } s ? $"&{TkApiNames.SkiptokenParameter}={s.ToString(CultureInfo.InvariantCulture)}" : "");
        return GetPageAsync(new Uri(url, UriKind.Relative), body => FeedParser.Parse(body, category), ct);
    }

    /// <summary>
    /// One OData page: <paramref name="url"/> is the backfill query or a nextLink. A nextLink that leaves the
    /// configured server is refused, so a hostile answer cannot send the client elsewhere.
    /// </summary>
    public Task<ODataPage> GetODataPageAsync(string url, CancellationToken ct)
    {
        var target = new Uri(_http.BaseAddress!, url);
        if (Uri.Compare(target, _http.BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
        {
            throw new HttpRequestException($"OData-vervolglink wijst naar een andere server: {target.GetLeftPart(UriPartial.Authority)}");
        }

        return GetPageAsync(target, ODataBackfill.Parse, ct);
    }

    /// <summary>Reads a whole page into memory (bounded) before parsing, so a body cut short is retried rather than half-parsed.</summary>
    private Task<T> GetPageAsync<T>(Uri url, Func<Stream, T> parse, CancellationToken ct) =>
        _bodyRetry.ExecuteAsync(async token =>
        {
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, token);
            response.EnsureSuccessStatusCode();
            using var buffer = new MemoryStream();
            await CopyBodyAsync(response, buffer, MaxPageBytes, token);
            buffer.Position = 0;
            return parse(buffer);
        }, ct).AsTask();

    /// <summary>
    /// Downloads an entity's file to <paramref name="target"/> (replaced only when complete). A body cut short
    /// (fewer bytes than the response declared, a dropped connection, a stalled read) is retried. A complete body
    /// whose size differs from the feed's contentLength is fetched once more: the feed is a change log whose
    /// older entries carry the size of their moment, while the server has only the current file, so the same
    /// other size twice is a newer version ("superseded") and kept; a size that changes between tries is retried.
    /// </summary>
    public Task<Download> DownloadAsync(string id, string target, long? expectedLength, CancellationToken ct)
    {
        long? otherSize = null;
        return _bodyRetry.ExecuteAsync(async token =>
        {
            var url = string.Format(CultureInfo.InvariantCulture, TkApiNames.ResourcePath, Uri.EscapeDataString(id));
            using var response = await _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, token);
            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.NoContent)
            {
                throw new FileNotAvailableException($"geen bestand bij {id} (HTTP {(int)response.StatusCode})");
            }

            response.EnsureSuccessStatusCode();
            if (response.Content.Headers.ContentLength > _options.MaxFileBytes)
            {
                throw new FileNotAvailableException($"bestand van {response.Content.Headers.ContentLength} bytes is groter dan de grens van {_options.MaxFileBytes}");
            }

            var partial = target + ".part";
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                await CopyBodyAsync(response, file, _options.MaxFileBytes, token);
            }

            var size = new FileInfo(partial).Length;
            var superseded = expectedLength is { } expected && size != expected;
            if (superseded && otherSize != size)
            {
                otherSize = size;
                throw new TruncatedBodyException($"bestand heeft {size} bytes, de feed noemt {expectedLength}");
            }

            File.Move(partial, target, overwrite: true);
            return new Download(response.Content.Headers.ContentType?.MediaType, superseded);
        }, ct).AsTask();
    }

    private async Task CopyBodyAsync(HttpResponseMessage response, Stream target, long limit, CancellationToken ct)
    {
        using var bodyTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bodyTimeout.CancelAfter(_options.BodyTimeout);
        var declared = response.Content.Headers.ContentLength;
        long total = 0;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(bodyTimeout.Token);
            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, bodyTimeout.Token)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    throw new FileNotAvailableException($"antwoord groter dan de grens van {limit} bytes");
                }

                await target.WriteAsync(chunk.AsMemory(0, read), bodyTimeout.Token);
            }
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new TruncatedBodyException($"antwoord niet binnen {_options.BodyTimeout.TotalSeconds:0} s gelezen", e);
        }
        catch (IOException e)
        {
            throw new TruncatedBodyException($"antwoord afgebroken na {total} bytes: {e.Message}", e);
        }

        if (declared is { } expected && expected != total)
        {
            throw new TruncatedBodyException($"antwoord afgebroken: {total} van {expected} bytes");
        }
    }
}

/// <param name="ContentType">The HTTP Content-Type's media type, if sent.</param>
/// <param name="Superseded">The file is newer than the feed entry that asked for it (its size differs, twice the same).</param>
public sealed record Download(string? ContentType, bool Superseded);

/// <summary>A file that cannot be had this time (missing, too large); the document stays queued for the next run.</summary>
public sealed class FileNotAvailableException(string message) : Exception(message);

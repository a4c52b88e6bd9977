using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>The SearchKamer:RateLimits section: per client address, fixed windows.</summary>
public sealed record RateLimitOptions
{
    public int SignUpsPerHour { get; init; } = 10;
    public int SignInsPerMinute { get; init; } = 10;

    /// <summary>Presses of "Test de webhook" per signed-in user: each one makes the server call out.</summary>
    public int WebhookTestsPerMinute { get; init; } = 3;

    /// <summary>Wrong tokens, feed keys, sign-in links or confirmation codes from one address before it must wait.</summary>
    public int FailedTokenChecksPer10Minutes { get; init; } = 20;
}

/// <summary>
/// ASP.NET Core's rate limiter on sign-up and sign-in (per client), on the webhook test button (per user), and a limiter of the same kind on failed token
/// checks: guessing tokens, feed keys or codes, or using the sign-up form to mail strangers, stops at a 429
/// with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string SignUp = "aanmelden";
    public const string SignIn = "inloggen";
    public const string WebhookTest = "webhook-test";

    public static void AddRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddSingleton(new FailedTokenChecks(options.FailedTokenChecksPer10Minutes));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignUp, ctx => PerClient(ctx, options.SignUpsPerHour, TimeSpan.FromHours(1)));
            o.AddPolicy(SignIn, ctx => PerClient(ctx, options.SignInsPerMinute, TimeSpan.FromMinutes(1)));
            o.AddPolicy(WebhookTest, ctx => PerUser(ctx, options.WebhookTestsPerMinute, TimeSpan.FromMinutes(1)));
            o.OnRejected = (context, _) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                var webhook = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == WebhookTest;
                return new ValueTask((webhook ? TooMany(context.HttpContext, retry, "u heeft de webhook te vaak getest", ("/mijn#kanalen", "Terug naar Mijn SearchKamer"))
                    : TooMany(context.HttpContext, retry, "te veel pogingen vanaf dit adres")).ExecuteAsync(context.HttpContext));
            };
        });
    }

    public static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "-";

    /// <summary>A 429 with Retry-After; JSON under /api and /feed, a page elsewhere.</summary>
    public static IResult TooMany(HttpContext context, TimeSpan retryAfter, string what, (string Href, string Text)? back = null)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"{what}; probeer het over {seconds} seconden opnieuw";
        return context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/feed")
            ? Results.Json(new ProblemDetailsBody("Te veel verzoeken", 429, detail, null), statusCode: 429)
            : Html.Page("Te veel verzoeken", $"<p role=\"alert\">{Html.E(detail)}.</p>" + (back is { } b ? $"<p><a href=\"{Html.E(b.Href)}\">{Html.E(b.Text)}</a></p>" : ""), null, 429);
    }

    /// <summary>
    /// Per account, read from the session cookie (the limiter runs before the endpoint's session filter): one user cannot
    /// spend another's presses from the same address, nor escape the cap by switching address. Without a session the
    /// endpoint only redirects, counted per client.
    /// </summary>
    private static RateLimitPartition<string> PerUser(HttpContext context, int permits, TimeSpan window) =>
        Auth.Visitor(context, context.RequestServices.GetRequiredService<SearchKamer.SavedSearches.Users>()) is { } user
            ? Window("user:" + user.Id.ToString(CultureInfo.InvariantCulture), permits, window)
            : Window(Client(context), permits, window);

    private static RateLimitPartition<string> PerClient(HttpContext context, int permits, TimeSpan window) => Window(Client(context), permits, window);

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = window,
            QueueLimit = 0,
        });
}

/// <summary>Counts failed token checks per client address; once the window's allowance is spent, no token is checked until it ends.</summary>
public sealed class FailedTokenChecks(int per10Minutes) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, per10Minutes),
            Window = TimeSpan.FromMinutes(10),
            QueueLimit = 0,
        }));

    /// <summary>The 429 to answer instead of checking, or null when this client may still try.</summary>
    public IResult? Refusal(HttpContext context)
    {
        using var probe = _limiter.AttemptAcquire(RateLimits.Client(context), 0);
        return probe.IsAcquired ? null
            : RateLimits.TooMany(context, probe.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(10), "te veel ongeldige sleutels vanaf dit adres");
    }

    public void Failed(HttpContext context) => _limiter.AttemptAcquire(RateLimits.Client(context), 1).Dispose();

    public void Dispose() => _limiter.Dispose();
}

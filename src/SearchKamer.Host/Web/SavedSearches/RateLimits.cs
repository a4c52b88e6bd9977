using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>The SearchKamer:RateLimits section: per client address, fixed windows.</summary>
public sealed record RateLimitOptions
{
    public int SignUpsPerHour { get; init; } = 10;
    public int SignInsPerMinute { get; init; } = 10;

    /// <summary>Wrong tokens, feed keys, sign-in links or confirmation codes from one address before it must wait.</summary>
    public int FailedTokenChecksPer10Minutes { get; init; } = 20;
}

/// <summary>
/// ASP.NET Core's rate limiter on sign-up and sign-in, and a limiter of the same kind on failed token
/// checks: guessing tokens, feed keys or codes, or using the sign-up form to mail strangers, stops at a 429
/// with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string SignUp = "aanmelden";
    public const string SignIn = "inloggen";

    public static void AddRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddSingleton(new FailedTokenChecks(options.FailedTokenChecksPer10Minutes));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignUp, ctx => PerClient(ctx, options.SignUpsPerHour, TimeSpan.FromHours(1)));
            o.AddPolicy(SignIn, ctx => PerClient(ctx, options.SignInsPerMinute, TimeSpan.FromMinutes(1)));
            o.OnRejected = (context, _) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                return new ValueTask(TooMany(context.HttpContext, retry, "te veel pogingen vanaf dit adres").ExecuteAsync(context.HttpContext));
            };
        });
    }

    public static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "-";

    /// <summary>A 429 with Retry-After; JSON under /api and /feed, a page elsewhere.</summary>
    public static IResult TooMany(HttpContext context, TimeSpan retryAfter, string what)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"{what}; probeer het over {seconds} seconden opnieuw";
        return context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/feed")
            ? Results.Json(new ProblemDetailsBody("Te veel verzoeken", 429, detail, null), statusCode: 429)
            : Html.Page("Te veel verzoeken", $"<p>{Html.E(detail)}.</p>", null, 429);
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(Client(context), _ => new FixedWindowRateLimiterOptions
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

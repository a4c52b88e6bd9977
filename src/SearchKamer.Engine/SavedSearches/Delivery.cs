using System.Net;
using System.Text.RegularExpressions;

namespace SearchKamer.SavedSearches;

/// <summary>One way out for alerts (webhook, e-mail): the I/O seam the dispatcher retries around.</summary>
public interface IAlertSender
{
    string Channel { get; }

    /// <summary>Sends the alerts as one message; throws when the other side did not take it.</summary>
    Task SendAsync(User user, IReadOnlyList<Alert> alerts, CancellationToken cancellationToken);
}

/// <summary>Where links in messages and feeds point: the human pages at the public address of this host (SearchKamer:PublicUrl).</summary>
public sealed record Links(Uri BaseUrl)
{
    public Uri Document(string key) => new(BaseUrl, "document/" + Uri.EscapeDataString(key));

    /// <summary>The results page of a saved search: the search page with the saved state.</summary>
    public Uri Results(string state) => new(BaseUrl, state.TrimStart('?') is { Length: > 0 } q ? "?" + q : "");

    public Uri Path(string relative) => new(BaseUrl, relative.TrimStart('/'));

    /// <summary>Set (to what was configured, maybe empty) when no usable public address was given and <see cref="BaseUrl"/> is a fallback.</summary>
    public string? Missing { get; init; }
}

/// <summary>Exponential backoff with jitter: base·2^(n−1), capped, scaled by a random 50–100 % so retries spread out.</summary>
public sealed record RetryPolicy(TimeSpan Base, TimeSpan Max, int MaxAttempts)
{
    public static RetryPolicy Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(6), 12);

    /// <summary>When to try again after <paramref name="attempts"/> failed attempts; null means give up.</summary>
    public DateTimeOffset? Next(int attempts, DateTimeOffset now)
    {
        if (attempts >= MaxAttempts)
        {
            return null;
        }

        var exponential = Base.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, Max.TotalMilliseconds);
        return now + TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() * 0.5)));
    }
}

public static partial class AlertText
{
    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    /// <summary>The snippet without its &lt;mark&gt; tags, for e-mail and JSON readers.</summary>
    public static string Plain(string snippetHtml) => WebUtility.HtmlDecode(Tags().Replace(snippetHtml, ""));
}

/// <summary>
/// Sends what the outbox says is due, one message per user and channel, and records the outcome.
/// The messages of a round go out side by side (each bounded by its sender's timeout), so a slow or
/// dead webhook delays nobody else's alert. A send cut off by shutdown is left pending and goes again
/// after restart (at least once; the alert ids in each message let a receiver drop a repeat).
/// Users see only "afgewezen" or "mislukt": the reason, which may name inside addresses or ports, goes
/// to <paramref name="log"/> for the operator.
/// </summary>
public sealed class AlertDispatcher(AlertStore alerts, Users users, IEnumerable<IAlertSender> senders, RetryPolicy retry, TimeProvider clock,
    int parallelism = 16, Action<long, string, Exception>? log = null)
{
    public const string Refused = "afgewezen";
    public const string Failed = "mislukt";

    private readonly Dictionary<string, IAlertSender> _senders = senders.ToDictionary(s => s.Channel);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Returns the number of deliveries that went out.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var sent = 0;
            var groups = alerts.Due().GroupBy(d => (d.Alert.UserId, d.Delivery.Channel)).ToList();
            await Parallel.ForEachAsync(groups, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
                async (group, ct) => Interlocked.Add(ref sent, await SendAsync(group.Key.UserId, group.Key.Channel, group.ToList(), ct)));
            return sent;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> SendAsync(long userId, string channel, IReadOnlyList<(Delivery Delivery, Alert Alert)> due, CancellationToken cancellationToken)
    {
        var ids = due.Select(d => d.Delivery.Id).ToList();
        var attempts = due.Max(d => d.Delivery.Attempts) + 1;
        if (users.Get(userId) is not { } user || !_senders.TryGetValue(channel, out var sender))
        {
            alerts.MarkFailed(ids, Failed, null);
            return 0;
        }

        try
        {
            await sender.SendAsync(user, due.Select(d => d.Alert).ToList(), cancellationToken);
            alerts.MarkSent(ids);
            return ids.Count;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            log?.Invoke(userId, channel, e);
            // A refused address stays refused: retrying would only knock on the same door again.
            var refused = IsRefusal(e);
            var recorded = refused ? Refused : StatusOf(e) ?? Failed;
            alerts.MarkFailed(ids, recorded, refused ? null : retry.Next(attempts, clock.GetUtcNow()));
            return 0;
        }
    }

    private static string? StatusOf(Exception? e) => e is null ? null : e is WebhookStatusException w ? w.Recorded : StatusOf(e.InnerException);

    private static bool IsRefusal(Exception? e) => e is not null && (e is WebhookRefusedException || IsRefusal(e.InnerException));
}

using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using SearchKamer.Domain;
using SearchKamer.SavedSearches;
using SearchKamer.Search;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>Resolves "volg deze vragen" on a question set to the zaak numbers that its answer will carry.</summary>
public sealed partial class FollowService(Follows follows, SearchEngine engine, FollowLimiter limiter)
{
    [GeneratedRegex(@"^\d{4}Z\d{5}$", RegexOptions.IgnoreCase)]
    private static partial Regex ZaakNumber();

    /// <exception cref="LimitException">More follow requests this minute than <see cref="SavedSearchLimits.FollowsPerMinute"/>, or too many follows.</exception>
    public IReadOnlyList<Follow> Follow(long userId, string? zaak, string? document)
    {
        limiter.Take(userId);
        if (!string.IsNullOrWhiteSpace(zaak))
        {
            var z = zaak.Trim();
            return ZaakNumber().IsMatch(z) ? [follows.Add(userId, z, z)] : throw new UserException($"\"{zaak}\" is geen zaaknummer zoals 2025Z01234");
        }

        if (string.IsNullOrWhiteSpace(document) || engine.Get(document.Trim()) is not { } doc)
        {
            throw new UserException("geef een zaaknummer of een bestaand document");
        }

        // An answer can be followed too: its dossier may still get a nader antwoord.
        if (doc.ZaakNumbers.Count == 0)
        {
            throw new UserException("alleen documenten met een zaaknummer kunnen gevolgd worden");
        }

        return doc.ZaakNumbers.Select(z => follows.Add(userId, z, $"{z} {doc.Subject}".Trim())).ToList();
    }

    /// <summary>The follows that a document's zaak numbers match: what its page shows as "U volgt …".</summary>
    public IReadOnlyList<Follow> Of(long userId, KamervraagDocument doc) =>
        follows.List(userId).Where(f => doc.ZaakNumbers.Contains(f.Zaak, StringComparer.OrdinalIgnoreCase)).ToList();

    public void Unfollow(long userId, string? document)
    {
        if (!string.IsNullOrWhiteSpace(document) && engine.Get(document.Trim()) is { } doc)
        {
            foreach (var follow in Of(userId, doc))
            {
                follows.Delete(userId, follow.Id);
            }
        }
    }
}

/// <summary>Follow requests per user per minute (ASP.NET Core's fixed-window limiter, keyed by user).</summary>
public sealed class FollowLimiter(SavedSearchLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<long> _limiter = PartitionedRateLimiter.Create<long, long>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limits.FollowsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public void Take(long userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        if (!lease.IsAcquired)
        {
            throw new LimitException($"limiet bereikt: ten hoogste {limits.FollowsPerMinute} keer volgen per minuut (FollowsPerMinute)",
                lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1));
        }
    }

    public void Dispose() => _limiter.Dispose();
}

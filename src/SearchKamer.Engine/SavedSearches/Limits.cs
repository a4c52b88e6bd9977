namespace SearchKamer.SavedSearches;

/// <summary>
/// The SearchKamer:Limits section: what one user may ask of the shared machine. Every search an alert round
/// runs competes with the visitors' searches, so the counts are capped and the rounds bounded.
/// </summary>
public sealed record SavedSearchLimits
{
    public int MaxSavedSearches { get; init; } = 100;

    public int MaxFollows { get; init; } = 500;

    public int FollowsPerMinute { get; init; } = 5;

    /// <summary>How long one alert round may search before it yields and goes on in the next round.</summary>
    public TimeSpan EvaluationRound { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many saved searches of a list get their "nieuw sinds uw laatste bezoek" counted (each count is a search).</summary>
    public int CountedInList { get; init; } = 10;
}

/// <summary>A per-user limit was reached; <paramref name="RetryAfter"/> set means "try again later" (429), else "remove something first" (400).</summary>
public sealed class LimitException(string message, TimeSpan? retryAfter = null) : Exception(message)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>Where background searches wait for a slot beside the visitors' searches (the host's search gate).</summary>
public interface ISearchSlots
{
    T Run<T>(Func<T> search);
}

/// <summary>No gate: for the CLI and tests that run searches on their own.</summary>
public sealed class UngatedSearches : ISearchSlots
{
    public T Run<T>(Func<T> search) => search();
}

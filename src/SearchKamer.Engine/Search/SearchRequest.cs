namespace SearchKamer.Search;

public enum SearchIn
{
    Both,
    Question,
    Answer,
}

public enum SortOrder
{
    Relevance,
    Newest,
    Oldest,
}

/// <summary>Everything a search can say; the page, the API and the CLI all build one of these.</summary>
public sealed record SearchRequest
{
    public const int MaxPageSize = 100;

    public string Query { get; init; } = "";

    // Facet selections: OR within a field, AND between fields; counted "drill sideways".
    public IReadOnlyList<string> Ministers { get; init; } = [];
    public IReadOnlyList<string> Ministries { get; init; } = [];
    public IReadOnlyList<string> Parties { get; init; } = [];
    public IReadOnlyList<string> Askers { get; init; } = [];
    public IReadOnlyList<string> Years { get; init; } = [];

    public IReadOnlyList<string> Kinds { get; init; } = [];
    public IReadOnlyList<string> Vergaderjaren { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public SearchIn In { get; init; } = SearchIn.Both;
    public SortOrder Sort { get; init; } = SortOrder.Relevance;

    /// <summary>Only documents (re)indexed after this moment: what is new for a saved search or an alert.</summary>
    public DateTimeOffset? IngestedAfter { get; init; }

    /// <summary>1-based page of documents.</summary>
    public int Page { get; init; } = 1;

    public int Size { get; init; } = 10;
}

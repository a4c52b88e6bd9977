using System.Collections.Immutable;
using SearchKamer.Indexing;

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

    /// <summary>What <see cref="FacetLimit"/> is unless asked otherwise: a sidebar's worth, not a broad search's hundreds of askers.</summary>
    public const int DefaultFacetLimit = 25;

    /// <summary>A <see cref="FacetLimit"/> that keeps every value.</summary>
    public const int AllFacetValues = int.MaxValue;

    public string Query { get; init; } = "";

    private ImmutableDictionary<string, IReadOnlyList<string>> _selections = ImmutableDictionary<string, IReadOnlyList<string>>.Empty;

    /// <summary>
    /// The values selected per filter field of <see cref="IndexSchema.Filters"/> (by index field name): OR within a
    /// field, AND between fields; a facet field is counted without its own selection ("drill sideways").
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Selections
    {
        get => _selections;
        init => _selections = value.Where(kv => kv.Value.Count > 0).ToImmutableDictionary(StringComparer.Ordinal);
    }

    // Shorthands for code that names one filter; the schema's other filters are reached through Selections.
    public IReadOnlyList<string> Ministers { get => Selected(Fields.Minister); init => _selections = With(Fields.Minister, value); }

    public IReadOnlyList<string> Ministries { get => Selected(Fields.Ministry); init => _selections = With(Fields.Ministry, value); }

    public IReadOnlyList<string> Parties { get => Selected(Fields.Party); init => _selections = With(Fields.Party, value); }

    public IReadOnlyList<string> Askers { get => Selected(Fields.Asker); init => _selections = With(Fields.Asker, value); }

    public IReadOnlyList<string> Years { get => Selected(Fields.Year); init => _selections = With(Fields.Year, value); }

    public IReadOnlyList<string> Kinds { get => Selected(Fields.Kind); init => _selections = With(Fields.Kind, value); }

    public IReadOnlyList<string> Vergaderjaren { get => Selected(Fields.Vergaderjaar); init => _selections = With(Fields.Vergaderjaar, value); }

    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public SearchIn In { get; init; } = SearchIn.Both;
    public SortOrder Sort { get; init; } = SortOrder.Relevance;

    /// <summary>Only documents (re)indexed after this moment: what is new for a saved search or an alert.</summary>
    public DateTimeOffset? IngestedAfter { get; init; }

    /// <summary>1-based page of documents.</summary>
    public int Page { get; init; } = 1;

    public int Size { get; init; } = 10;

    /// <summary>
    /// How many values a facet ordered by count sends, at least 1 (like Solr's facet.limit): the most frequent, equal
    /// counts by value, plus every selected value wherever it ranks. Facets ordered by value (years) are never cut;
    /// <see cref="SearchResponse.FacetTotals"/> says how many values there were.
    /// </summary>
    public int FacetLimit { get; init; } = DefaultFacetLimit;

    /// <summary>The values selected in one filter field (none: empty).</summary>
    public IReadOnlyList<string> Selected(string field) => _selections.GetValueOrDefault(field) ?? [];

    private ImmutableDictionary<string, IReadOnlyList<string>> With(string field, IReadOnlyList<string> values) =>
        values.Count == 0 ? _selections.Remove(field) : _selections.SetItem(field, values);
}

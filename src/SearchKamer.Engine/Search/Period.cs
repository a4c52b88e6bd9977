using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>
/// The dates a request asks for, as the yyyymmdd numbers the index keeps per document record (an open end is null).
/// An undated document (date 0) is in no period.
/// </summary>
internal readonly record struct Period(int? From, int? To)
{
    /// <summary>Null when the request names no date: then every document passes, undated ones too.</summary>
    public static Period? Of(SearchRequest r) => r.From is null && r.To is null ? null : new Period(Day(r.From), Day(r.To));

    public bool Contains(int date) => date != 0 && !(date < From) && !(date > To);

    private static int? Day(DateOnly? d) => d is { } x ? DocumentMapper.Day(x) : null;
}

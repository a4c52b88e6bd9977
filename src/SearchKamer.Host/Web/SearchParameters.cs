using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Host.Web;

/// <summary>
/// The URL form of a search, shared by the page and the API so every state is a shareable link:
/// q, alle, woordgroep, een, zonder, in, the schema's filters (<see cref="IndexSchema.Filters"/>: minister,
/// partij, soort, …), van, tot, sort, page, size, facetwaarden.
/// </summary>
public static class SearchParameters
{
    /// <summary>The <c>facetwaarden</c> word for <see cref="SearchRequest.AllFacetValues"/>.</summary>
    public const string AllFacetValues = "alle";

    public static SearchRequest Parse(IQueryCollection q)
    {
        return new SearchRequest
        {
            Query = AdvancedQuery.Compose(One(q, "q"), One(q, "alle"), One(q, "woordgroep"), One(q, "een"), One(q, "zonder")),
            Selections = IndexSchema.Filters.ToDictionary(f => f.Name, f => Many(q, f.Filter!.Param)),
            From = Date(q, "van"),
            To = Date(q, "tot"),
            In = One(q, "in") switch
            {
                null or "" or "beide" => SearchIn.Both,
                "vraag" => SearchIn.Question,
                "antwoord" => SearchIn.Answer,
                var other => throw new SearchRequestException("in", $"'in' moet vraag, antwoord of beide zijn, niet \"{other}\""),
            },
            Sort = One(q, "sort") switch
            {
                null or "" or "relevantie" => SortOrder.Relevance,
                "nieuwste" => SortOrder.Newest,
                "oudste" => SortOrder.Oldest,
                var other => throw new SearchRequestException("sort", $"'sort' moet relevantie, nieuwste of oudste zijn, niet \"{other}\""),
            },
            Page = Int(q, "page", 1),
            Size = Int(q, "size", 10),
            FacetLimit = One(q, "facetwaarden") is { Length: > 0 } limit
                ? FacetLimit(limit) ?? throw new SearchRequestException("facetwaarden", $"'facetwaarden' moet een positief geheel getal of \"{AllFacetValues}\" zijn, niet \"{limit}\"")
                : SearchRequest.DefaultFacetLimit,
        };
    }

    /// <summary>The relative URL of <paramref name="request"/> on the API (<c>api/search?q=…</c>).</summary>
    public static string ApiPath(SearchRequest request) => "api/search" + QueryString.Create(ToQuery(request));

    /// <summary>
    /// The parameters <see cref="Parse"/> reads back as <paramref name="request"/>: how the start-up warm-up asks its
    /// searches through the API's own handler. Only what a URL carries (not <see cref="SearchRequest.IngestedAfter"/>).
    /// </summary>
    public static QueryCollection ToQuery(SearchRequest request)
    {
        var q = new Dictionary<string, StringValues>(StringComparer.Ordinal)
        {
            ["q"] = request.Query,
            ["in"] = request.In switch { SearchIn.Question => "vraag", SearchIn.Answer => "antwoord", _ => "beide" },
            ["sort"] = request.Sort switch { SortOrder.Newest => "nieuwste", SortOrder.Oldest => "oudste", _ => "relevantie" },
            ["page"] = request.Page.ToString(CultureInfo.InvariantCulture),
            ["size"] = request.Size.ToString(CultureInfo.InvariantCulture),
            ["facetwaarden"] = request.FacetLimit == SearchRequest.AllFacetValues ? AllFacetValues : request.FacetLimit.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var filter in IndexSchema.Filters.Where(f => request.Selected(f.Name).Count > 0))
        {
            q[filter.Filter!.Param] = request.Selected(filter.Name).ToArray();
        }

        if (request.From is { } from)
        {
            q["van"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (request.To is { } to)
        {
            q["tot"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return new QueryCollection(q);
    }

    /// <summary>A facet limit as a URL or the command line gives it: a positive whole number or "alle"; null when it is neither.</summary>
    public static int? FacetLimit(string text) =>
        text == AllFacetValues ? SearchRequest.AllFacetValues
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n
        : null;

    private static string? One(IQueryCollection q, string name) =>
        q.TryGetValue(name, out var v) ? v.LastOrDefault()?.Trim() : null;

    private static IReadOnlyList<string> Many(IQueryCollection q, string name) =>
        q.TryGetValue(name, out var v) ? v.OfType<string>().Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList() : [];

    private static int Int(IQueryCollection q, string name, int fallback) =>
        One(q, name) is not { Length: > 0 } s ? fallback
        : int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
        : throw new SearchRequestException(name, $"'{name}' moet een positief geheel getal zijn, niet \"{s}\"");

    private static DateOnly? Date(IQueryCollection q, string name) =>
        One(q, name) is not { Length: > 0 } s ? null
        : DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new SearchRequestException(name, $"'{name}' moet een datum zijn als JJJJ-MM-DD, niet \"{s}\"");
}

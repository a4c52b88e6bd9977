using SearchKamer.Indexing;

namespace SearchKamer.Host.Web.Pages;

/// <summary>
/// The current search as URL parameters (the names SearchParameters reads), so every facet link,
/// chip, sort and page link is the same URL with one thing changed.
/// </summary>
internal sealed class SearchUrl
{
    public static readonly string[] Names =
        ["q", "alle", "woordgroep", "een", "zonder", "in", .. IndexSchema.Filters.Select(f => f.Filter!.Param), "van", "tot", "sort", "page", "size", "facetwaarden"];

    private readonly List<KeyValuePair<string, string>> _pairs;

    private SearchUrl(List<KeyValuePair<string, string>> pairs) => _pairs = pairs;

    public static SearchUrl From(IQueryCollection query) => new(
        [.. Names.SelectMany(n => query.TryGetValue(n, out var values)
            ? values.OfType<string>().Where(v => v.Trim().Length > 0).Select(v => new KeyValuePair<string, string>(n, v))
            : [])]);

    public string? One(string name) => _pairs.LastOrDefault(p => p.Key == name).Value;

    public IReadOnlyList<string> All(string name) => [.. _pairs.Where(p => p.Key == name).Select(p => p.Value).Distinct()];

    public bool Has(string name, string value) => _pairs.Any(p => p.Key == name && p.Value.Trim() == value);

    /// <summary>Adds a filter value; back to page 1 because the result set changes.</summary>
    public SearchUrl With(string name, string value) =>
        new([.. _pairs.Where(p => p.Key != "page"), new(name, value)]);

    public SearchUrl Without(string name, string value) =>
        new([.. _pairs.Where(p => p.Key != "page" && !(p.Key == name && p.Value.Trim() == value))]);

    public SearchUrl Toggle(string name, string value) => Has(name, value) ? Without(name, value) : With(name, value);

    /// <summary>Replaces every value of one parameter; null or "" removes it.</summary>
    public SearchUrl Set(string name, string? value)
    {
        var kept = _pairs.Where(p => p.Key != name).ToList();
        if (!string.IsNullOrEmpty(value))
        {
            kept.Add(new(name, value));
        }

        return new(kept);
    }

    public SearchUrl WithoutAny(params string[] names) => new([.. _pairs.Where(p => !names.Contains(p.Key))]);

    /// <summary>Which results, without how they are shown (page, size, facetwaarden): what a feed, a saved search and an export name.</summary>
    public SearchUrl Results() => WithoutAny("page", "size", "facetwaarden");

    public override string ToString() => _pairs.Count == 0
        ? "/"
        : "/?" + string.Join('&', _pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    /// <summary>The URL ready for an href attribute.</summary>
    public string Href => Html.E(ToString());
}

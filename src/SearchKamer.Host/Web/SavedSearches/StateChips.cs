using Microsoft.AspNetCore.WebUtilities;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>A saved search's state (the search page's query string) as the chips a person reads: "partij: VVD", not "partij=VVD&amp;…".</summary>
internal static class StateChips
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["q"] = "zoekvraag",
        ["alle"] = "alle woorden",
        ["woordgroep"] = "woordgroep",
        ["een"] = "één van",
        ["zonder"] = "zonder",
        ["in"] = "zoeken in",
        ["minister"] = "minister",
        ["ministerie"] = "ministerie",
        ["partij"] = "partij",
        ["indiener"] = "indiener",
        ["jaar"] = "jaar",
        ["soort"] = "soort",
        ["vergaderjaar"] = "vergaderjaar",
        ["van"] = "vanaf",
        ["tot"] = "tot en met",
        ["sort"] = "sorteren",
    };

    /// <summary>What the search form sends even when nobody chose it: not worth a chip.</summary>
    private static readonly HashSet<string> Defaults = new(StringComparer.OrdinalIgnoreCase) { "in=beide", "sort=relevantie" };

    public static string Render(string state)
    {
        var pairs = QueryHelpers.ParseQuery(state.StartsWith('?') ? state : "?" + state)
            .Where(p => Labels.ContainsKey(p.Key))
            .Select(p => new KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>(p.Key, new(p.Value.Where(v => !Defaults.Contains($"{p.Key}={v?.Trim()}")).ToArray())))
            .SelectMany(p => p.Value.OfType<string>().Where(v => v.Trim().Length > 0).Select(v => $"{Labels[p.Key]}: {v.Trim()}"))
            .ToList();
        return pairs.Count == 0
            ? "<span class=\"hint\">alle documenten</span>"
            : "<ul class=\"chips readonly\">" + string.Concat(pairs.Select(p => $"<li><span>{Html.E(p)}</span></li>")) + "</ul>";
    }
}

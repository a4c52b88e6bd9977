using System.Text;
using SearchKamer.Indexing;

namespace SearchKamer.Host.Web.Pages;

/// <summary>The search box with its syntax help and the "uitgebreid zoeken" fields, all one GET form.</summary>
internal static class SearchForm
{
    // Selected facet values that have no field of their own travel along as hidden inputs.
    private static readonly string[] Hidden = [.. IndexSchema.Filters.Where(f => !f.Filter!.InForm).Select(f => f.Filter!.Param), "sort", "size"];

    // Facet clicks fill the schema's facet fields too; those alone show as chips and keep the form folded.
    private static readonly string[] Typed = ["alle", "woordgroep", "een", "zonder", "van", "tot", .. IndexSchema.Filters.Where(f => !f.Filter!.Facet).Select(f => f.Filter!.Param)];

    /// <param name="invalid">The parameter an error message is about, so its field can be marked.</param>
    /// <param name="known">The index's own filter values per field, offered as the user types (a datalist, no script needed).</param>
    public static string Render(SearchUrl url, string? invalid, IReadOnlyDictionary<string, IReadOnlyList<string>>? known = null)
    {
        var html = new StringBuilder();
        html.Append("<form class=\"search\" action=\"/\" method=\"get\" role=\"search\">\n")
            .Append("<div class=\"box\"><label for=\"q\">Zoek in Kamervragen en antwoorden</label>")
            .Append("<div class=\"row\"><input id=\"q\" name=\"q\" type=\"search\" maxlength=\"1000\" value=\"").Append(Html.E(url.One("q"))).Append('"')
            .Append(Invalid(invalid, "q")).Append(" aria-describedby=\"tips\">")
            .Append("<button type=\"submit\">Zoeken</button></div></div>\n")
            .Append(Help())
            .Append(Advanced(url, invalid, known));
        foreach (var name in Hidden)
        {
            foreach (var value in url.All(name))
            {
                html.Append(HiddenInput(name, value));
            }
        }

        return html.Append("</form>\n").ToString();
    }

    private static string Help() =>
        "<details class=\"help\" id=\"tips\"><summary>Zoektips</summary><ul>\n" +
        "<li>Alle woorden moeten voorkomen: <code>externe inhuur</code></li>\n" +
        "<li>Een exacte woordgroep tussen aanhalingstekens: <code>\"externe inhuur\"</code></li>\n" +
        "<li>Eén van de woorden: <code>jeugdzorg OR jeugdhulp</code>; een woord uitsluiten: <code>-gemeente</code></li>\n" +
        "<li>Woorden die beginnen met: <code>stikstof*</code></li>\n" +
        "<li>In één veld: <code>vraag:</code>, <code>antwoord:</code>, <code>onderwerp:</code>, <code>indiener:Omtzigt</code>, <code>partij:SP</code>, <code>minister:</code>, <code>ministerie:</code></li>\n" +
        "<li>Een documentnummer (<code>2025D36086</code>), zaaknummer (<code>2024Z18893</code>) of officieel id (<code>ah-tk-20232024-1314</code>) opent het document direct.</li>\n" +
        "</ul></details>\n";

    private static string Advanced(SearchUrl url, string? invalid, IReadOnlyDictionary<string, IReadOnlyList<string>>? known)
    {
        var open = Typed.Any(n => url.All(n).Count > 0) || url.One("in") is "vraag" or "antwoord" || invalid is "in" || invalid is not null && Typed.Contains(invalid);
        var html = new StringBuilder();
        html.Append("<details class=\"advanced\"").Append(open ? " open" : "").Append("><summary>Uitgebreid zoeken</summary>\n<div class=\"grid\">\n")
            .Append(Text(url, invalid, "alle", "Alle woorden"))
            .Append(Text(url, invalid, "woordgroep", "Exacte woordgroep"))
            .Append(Text(url, invalid, "een", "Eén van de woorden"))
            .Append(Text(url, invalid, "zonder", "Zonder de woorden"))
            .Append(Select(url, invalid, "in", "Zoeken in", [("beide", "Vraag en antwoord"), ("vraag", "Alleen de vraag"), ("antwoord", "Alleen het antwoord")]));
        foreach (var filter in IndexSchema.Filters.Select(f => f.Filter!).Where(f => f.InForm))
        {
            html.Append(Field(url, invalid, filter));
        }

        html.Append(Text(url, invalid, "van", "Periode van", "JJJJ-MM-DD", type: "date"))
            .Append(Text(url, invalid, "tot", "Periode tot en met", "JJJJ-MM-DD", type: "date"))
            .Append("</div>\n");
        foreach (var filter in IndexSchema.Filters.Select(f => f.Filter!).Where(f => f.InForm && f.Choices.Count == 0))
        {
            html.Append(DataList(filter.Plural, Values(known, filter.Param, filter.Known?.Invoke() ?? [])));
        }

        return html.Append("<p><button type=\"submit\">Zoeken</button> <a href=\"/\">Alles wissen</a></p></details>\n").ToString();
    }

    /// <summary>A schema filter's field: a select for a closed list, else a text box that suggests the known values.</summary>
    private static string Field(SearchUrl url, string? invalid, SchemaFilter filter) => filter.Choices.Count > 0
        ? Select(url, invalid, filter.Param, filter.Label, [("", $"Alle {filter.Plural}"), .. filter.Choices.Select(c => (c.Value, c.Text))])
        : Text(url, invalid, filter.Param, filter.Label, filter.Placeholder, list: filter.Plural);

    /// <summary>
    /// A field for a parameter that may hold several values (from facets): the last one is editable,
    /// the others ride along hidden so a new search keeps them.
    /// </summary>
    private static string Text(SearchUrl url, string? invalid, string name, string label, string? placeholder = null, string type = "text", string? list = null)
    {
        var values = url.All(name);
        // A rejected date stays a text box so people still see what they typed.
        type = type == "date" && invalid == name ? "text" : type;
        var html = new StringBuilder();
        foreach (var other in values.Take(Math.Max(0, values.Count - 1)))
        {
            html.Append(HiddenInput(name, other));
        }

        html.Append("<p class=\"field\"><label for=\"f-").Append(name).Append("\">").Append(Html.E(label)).Append("</label>")
            .Append("<input id=\"f-").Append(name).Append("\" name=\"").Append(name).Append("\" type=\"").Append(type).Append('"')
            .Append(" value=\"").Append(Html.E(values.Count > 0 ? values[^1] : "")).Append('"')
            .Append(placeholder is null ? "" : $" placeholder=\"{Html.E(placeholder)}\"")
            .Append(list is null ? "" : $" list=\"{list}\"")
            .Append(Invalid(invalid, name)).Append("></p>\n");
        return html.ToString();
    }

    private static string Select(SearchUrl url, string? invalid, string name, string label, (string Value, string Text)[] options)
    {
        // As a text field: values picked in the facet beyond the shown one ride along hidden.
        var values = url.All(name);
        var current = values.Count > 0 ? values[^1] : options[0].Value;
        var html = new StringBuilder();
        foreach (var other in values.Take(Math.Max(0, values.Count - 1)))
        {
            html.Append(HiddenInput(name, other));
        }

        html.Append("<p class=\"field\"><label for=\"f-").Append(name).Append("\">").Append(Html.E(label)).Append("</label>")
            .Append("<select id=\"f-").Append(name).Append("\" name=\"").Append(name).Append('"').Append(Invalid(invalid, name)).Append('>');
        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(Html.E(value)).Append('"').Append(value == current ? " selected" : "").Append('>')
                .Append(Html.E(text)).Append("</option>");
        }

        return html.Append("</select></p>\n").ToString();
    }

    /// <summary>The index's values first (what can be found), then the reference list's other names.</summary>
    private static IEnumerable<string> Values(IReadOnlyDictionary<string, IReadOnlyList<string>>? known, string name, IEnumerable<string> reference) =>
        (known?.GetValueOrDefault(name) ?? []).Concat(reference).Distinct(StringComparer.Ordinal);

    private static string DataList(string id, IEnumerable<string> values) =>
        $"<datalist id=\"{id}\">" + string.Concat(values.Select(v => $"<option value=\"{Html.E(v)}\">")) + "</datalist>\n";

    private static string HiddenInput(string name, string value) => $"<input type=\"hidden\" name=\"{name}\" value=\"{Html.E(value)}\">";

    private static string Invalid(string? invalid, string name) =>
        invalid == name ? " aria-invalid=\"true\" aria-errormessage=\"fout\"" : "";
}

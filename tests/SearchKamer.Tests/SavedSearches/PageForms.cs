using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>Reads a page the way a browser does and submits one of its forms with the values it holds (hidden fields, filled-in inputs, selected options).</summary>
public static class PageForms
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <param name="changes">Fields to set; a null value leaves the field out, as an unticked checkbox is.</param>
    public static async Task<HttpResponseMessage> Submit(HttpClient browser, string page, string formSelector, params (string Name, string? Value)[] changes)
    {
        var html = await browser.GetStringAsync(page);
        var form = Parse(html).QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"no form {formSelector} on {page}");
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name is { Length: > 0 } && i.Type != "submit" && (i.Type != "checkbox" || i.IsChecked))
            // A checkbox without a value attribute sends "on", as browsers do.
            .Select(i => (i.Name!, i.Type == "checkbox" && !i.HasAttribute("value") ? "on" : i.Value))
            .Concat(form.Elements.OfType<IHtmlSelectElement>().Select(s => (s.Name!, s.Value ?? "")))
            .Where(f => changes.All(c => c.Name != f.Item1))
            .Concat(changes.Where(c => c.Value is not null).Select(c => (c.Name, c.Value!)))
            .Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))
            .ToList();
        Assert.Equal("post", form.Method, ignoreCase: true);
        return await browser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }
}

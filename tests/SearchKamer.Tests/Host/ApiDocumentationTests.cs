using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchKamer.Host.Web.Pages;

namespace SearchKamer.Tests.Host;

/// <summary>
/// The API as an outside programmer meets it: text without HTML entities, highlights as ranges next to the
/// HTML snippet, and an OpenAPI document that names every parameter, the Bearer scheme and the error answers.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class ApiDocumentationTests(HostFixture host)
{
    /// <summary>A real letter of the bundled corpus whose subject and answers name Israël.</summary>
    private const string IsraelFile = "Het_bericht_'Israël_saboteert_stelselmat.docx.txt";

    [Fact]
    public async Task Snippets_for_Israel_carry_the_letter_e_with_diaeresis_and_ranges_that_point_at_the_matched_word()
    {
        var found = await host.Json("/api/search?q=" + Uri.EscapeDataString("Israël") + "&size=100");
        var hits = found.GetProperty("documents").EnumerateArray().ToList();
        var ids = hits.Select(h => h.GetProperty("id").GetString()!).ToList();
        var documents = new Dictionary<string, JsonElement>();
        foreach (var id in ids)
        {
            documents[id] = await host.Json("/api/documents/" + Uri.EscapeDataString(id));
        }

        Assert.Contains(documents.Values, d => d.GetProperty("source").GetProperty("path").GetString() == IsraelFile);
        var snippets = 0;
        foreach (var hit in hits)
        {
            var stored = documents[hit.GetProperty("id").GetString()!].GetProperty("questions").EnumerateArray()
                .ToDictionary(q => q.GetProperty("number").GetInt32(), q => q.GetProperty("question").GetString()!);
            foreach (var q in hit.GetProperty("questions").EnumerateArray())
            {
                foreach (var (html, marked) in new[] { ("question", "questionText"), ("answer", "answerText") })
                {
                    if (q.GetProperty(html).ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    var snippet = q.GetProperty(html).GetString()!;
                    Assert.DoesNotMatch(Entity(), snippet.Replace("&amp;", "", StringComparison.Ordinal).Replace("&lt;", "", StringComparison.Ordinal)
                        .Replace("&gt;", "", StringComparison.Ordinal).Replace("&quot;", "", StringComparison.Ordinal).Replace("&#39;", "", StringComparison.Ordinal));
                    var text = q.GetProperty(marked).GetProperty("text").GetString()!;
                    // The ranges are the HTML's marks: the same text, and each range covers exactly what a <mark> held.
                    Assert.Equal(WebUtility.HtmlDecode(Marks().Replace(snippet, "")), text);
                    var ranges = q.GetProperty(marked).GetProperty("highlights").EnumerateArray()
                        .Select(r => text.Substring(r.GetProperty("start").GetInt32(), r.GetProperty("length").GetInt32())).ToList();
                    Assert.Equal(MarkedWords().Matches(snippet).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)), ranges);
                    Assert.All(ranges, r => Assert.Contains("israel", Fold(r), StringComparison.Ordinal));
                    snippets += ranges.Count > 0 ? 1 : 0;
                    if (html == "question")
                    {
                        // Plain text that is the document's own: every window of the snippet stands in the stored question.
                        Assert.All(text.Split('…', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                            piece => Assert.Contains(piece, stored[q.GetProperty("number").GetInt32()], StringComparison.Ordinal));
                    }
                }
            }
        }

        Assert.True(snippets > 5, $"only {snippets} snippets had a highlight");
        Assert.Contains("Israël", found.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_lists_every_search_parameter_with_its_allowed_values()
    {
        var paths = (await host.Json("/openapi/v1.json")).GetProperty("paths");
        foreach (var path in new[] { "/api/search", "/api/export" })
        {
            var parameters = paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
                .ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
            // The oracle: the names the page and API read (SearchUrl.Names is what every link and form is built from).
            Assert.Empty(SearchUrl.Names.Except(parameters.Keys));
            Assert.All(parameters.Values, p => Assert.Equal("query", p.GetProperty("in").GetString()));
            Assert.Equal(["vraag", "antwoord", "beide"], Values(parameters["in"].GetProperty("schema")));
            Assert.Equal(["relevantie", "nieuwste", "oudste"], Values(parameters["sort"].GetProperty("schema")));
            Assert.Equal("array", parameters["partij"].GetProperty("schema").GetProperty("type").GetString());
            Assert.Equal("date", parameters["van"].GetProperty("schema").GetProperty("format").GetString());
            Assert.Equal("integer", parameters["page"].GetProperty("schema").GetProperty("type").GetString());
            Assert.True(paths.GetProperty(path).GetProperty("get").GetProperty("responses").TryGetProperty("400", out _));
        }

        var export = paths.GetProperty("/api/export").GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "format");
        Assert.Equal(["csv", "jsonl"], Values(export.GetProperty("schema")));
        // Every value the documented "soort" allows is one the search takes without a 400.
        var soort = paths.GetProperty("/api/search").GetProperty("get").GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "soort");
        foreach (var kind in Values(soort.GetProperty("schema").GetProperty("items")))
        {
            await host.Json("/api/search?soort=" + kind);
        }
    }

    [Fact]
    public async Task The_openapi_document_names_the_bearer_scheme_and_the_error_and_delete_answers()
    {
        var doc = await host.Json("/openapi/v1.json");
        var scheme = doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        var paths = doc.GetProperty("paths");
        var list = paths.GetProperty("/api/zoekopdrachten").GetProperty("get");
        Assert.True(list.GetProperty("security")[0].TryGetProperty("Bearer", out _));
        var unauthorized = list.GetProperty("responses").GetProperty("401").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.EndsWith("/ProblemDetailsBody", unauthorized.GetProperty("$ref").GetString(), StringComparison.Ordinal);
        var problem = doc.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetailsBody").GetProperty("properties");
        Assert.Equal(["title", "status", "detail", "parameter"], problem.EnumerateObject().Select(p => p.Name).ToArray());

        var delete = paths.GetProperty("/api/zoekopdrachten/{id}").GetProperty("delete").GetProperty("responses");
        Assert.True(delete.TryGetProperty("204", out _));
        Assert.False(delete.TryGetProperty("200", out _));
        Assert.True(delete.TryGetProperty("404", out _));
        Assert.True(paths.GetProperty("/api/documents/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        // The public search needs no token.
        Assert.False(paths.GetProperty("/api/search").GetProperty("get").TryGetProperty("security", out _));

        // What the document says is what the host does: the delete answers 204, a missing token 401 with the problem body.
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("/api/zoekopdrachten")).StatusCode);
        var body = await host.Json("/api/zoekopdrachten", HttpStatusCode.Unauthorized);
        Assert.Equal(401, body.GetProperty("status").GetInt32());
    }

    private static string[] Values(JsonElement schema) => [.. schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!)];

    private static string Fold(string s) => new string(s.Normalize(NormalizationForm.FormD)
        .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()).ToLowerInvariant();

    [GeneratedRegex("&#?[0-9a-zA-Z]+;")]
    private static partial Regex Entity();

    [GeneratedRegex("</?mark>")]
    private static partial Regex Marks();

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex MarkedWords();
}

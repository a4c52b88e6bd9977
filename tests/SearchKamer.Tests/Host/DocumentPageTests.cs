using System.Net;
using System.Text.Json;

namespace SearchKamer.Tests.Host;

/// <summary>Document pages: metadata, every question and answer, footnotes, notices, similar questions, sources.</summary>
[Collection(HostCollection.Name)]
public sealed class DocumentPageTests(HostFixture host)
{
    [Fact]
    public async Task Every_question_of_a_known_document_is_shown_with_its_answer_and_footnotes()
    {
        var html = await host.Html("/document/ah-tk-20232024-1314");
        for (var n = 1; n <= 6; n++)
        {
            Assert.Contains($"<section class=\"qa\" id=\"vraag-{n}\"><h3>Vraag {n}</h3>", html);
        }

        Assert.DoesNotContain("id=\"vraag-7\"", html);
        Assert.Contains("<h2>6 vragen</h2>", html);
        // Questions 3, 4 and 5 share one answer, printed once after question 5.
        Assert.Contains("<div class=\"a\" id=\"antwoord-5\"><h4>Antwoord op vragen 3, 4 en 5</h4>", html);
        Assert.DoesNotContain("id=\"antwoord-3\"", html);
        Assert.Contains("<a href=\"#voetnoot-1\">1</a>", html);
        Assert.Contains("<li id=\"voetnoot-1\" value=\"1\">", html);
        Assert.Contains("href=\"https://nos.nl/artikel/2510977-kritiek-op-besluit-provincie-friesland-tegen-actief-regenboogbeleid\"", html);
        Assert.Contains("href=\"https://www.movisie.nl/sites/movisie.nl/files/2022-03/220315_%20Regenboogbeleid%20provincies%202022.pdf\"", html);
    }

    [Fact]
    public async Task The_metadata_and_the_official_and_original_sources_are_linked()
    {
        var html = await host.Html("/document/ah-tk-20232024-1314");
        Assert.Contains("<h1>Het bericht «Kritiek op besluit provincie Friesland tegen actief regenboogbeleid»</h1>", html);
        Assert.Contains("<dt>Vragen van</dt><dd><a href=\"/?indiener=Mutluer\">Mutluer</a> (<a href=\"/?partij=GroenLinks-PvdA\">GroenLinks-PvdA</a>), <a href=\"/?indiener=Kosti%C4%87\">Kostić</a>", html);
        Assert.Contains("<dt>Antwoord van</dt><dd>Minister <a href=\"/?minister=Dijkgraaf\">Dijkgraaf</a> (Onderwijs, Cultuur en Wetenschap)", html);
        Assert.Contains("<dt>Ontvangen</dt><dd>25 maart 2024</dd>", html);
        Assert.Contains("<dt>Vergaderjaar</dt><dd><a href=\"/?vergaderjaar=2023-2024\">2023-2024</a>", html);
        Assert.Contains("href=\"https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1314.html\"", html);
        Assert.Contains("href=\"/bestand/ah-tk-20232024-1314\"", html);
    }

    [Fact]
    public async Task A_tk_document_number_links_to_the_tweede_kamer()
    {
        var html = await host.Html("/document/2025D36086");
        Assert.Contains("href=\"https://www.tweedekamer.nl/kamerstukken/detail?did=2025D36086\"", html);
        Assert.Contains("href=\"https://zoek.officielebekendmakingen.nl/ah-tk-20242025-2932.html\"", html);
    }

    [Fact]
    public async Task The_original_pdf_is_streamed_with_its_content_type()
    {
        using var response = await host.Client.GetAsync("/bestand/ah-tk-20232024-1314");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        Assert.Contains("sandbox", string.Join(' ', response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task A_notice_shows_its_text()
    {
        var json = await host.Json("/api/documents/ah-tk-20232024-1999");
        var notice = json.GetProperty("notice").GetString()!;
        var html = await host.Html("/document/ah-tk-20232024-1999");
        Assert.Contains("<section class=\"notice-text\" aria-label=\"Mededeling\"><h2>Mededeling: beantwoord per brief</h2>", html);
        Assert.Contains(WebUtility.HtmlEncode(notice[..40]).Replace("&#39;", "&#x27;", StringComparison.Ordinal), html);
    }

    [Fact]
    public async Task Similar_questions_are_listed_and_can_be_asked_for_another_question()
    {
        var html = await host.Html("/document/ah-tk-20232024-1314");
        Assert.Contains("<section class=\"similar\" id=\"vergelijkbaar\"><h2>Vergelijkbare vragen</h2>", html);
        Assert.Contains("href=\"?vraag=2#vergelijkbaar\"", html);

        var second = await host.Html("/document/ah-tk-20232024-1314?vraag=2");
        Assert.Contains("lijken op <a href=\"#vraag-2\">vraag 2</a>", second);
        await host.Html("/document/ah-tk-20232024-1314?vraag=abc", HttpStatusCode.BadRequest);
        await host.Html("/document/ah-tk-20232024-1314?vraag=99", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Every_indexed_document_has_a_working_page()
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var json = await host.Json($"/api/search?size=100&page={page}");
            ids.AddRange(json.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!));
            if (ids.Count >= json.GetProperty("totalDocuments").GetInt32())
            {
                break;
            }
        }

        Assert.True(ids.Count > 50, $"only {ids.Count} documents");
        foreach (var id in ids)
        {
            var html = await host.Html("/document/" + Uri.EscapeDataString(id));
            var questions = (await host.Json("/api/documents/" + Uri.EscapeDataString(id))).GetProperty("questions").GetArrayLength();
            Assert.Equal(questions, System.Text.RegularExpressions.Regex.Matches(html, "<section class=\"qa\"").Count);
        }
    }

    [Fact]
    public async Task A_document_whose_text_contains_a_script_tag_renders_it_as_text()
    {
        await host.WaitForDocument(HostFixture.ScriptDocumentId, TimeSpan.FromSeconds(60));
        var html = await host.Html("/document/" + Uri.EscapeDataString(HostFixture.ScriptDocumentId));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);

        var results = await host.Html("/?q=alert");
        Assert.Contains("&lt;script&gt;", results);
        Assert.DoesNotContain("<script>alert", results);
    }

    [Fact]
    public async Task The_json_link_on_the_page_returns_the_same_document()
    {
        var html = await host.Html("/document/ah-tk-20232024-1314");
        var link = System.Text.RegularExpressions.Regex.Match(html, "<a href=\"([^\"]+)\">Gegevens downloaden \\(JSON\\)</a>");
        Assert.True(link.Success, "the page has no JSON link");

        var json = await host.Json(WebUtility.HtmlDecode(link.Groups[1].Value));

        Assert.Equal("ah-tk-20232024-1314", json.GetProperty("officialId").GetString());
        var numbers = json.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("number").GetInt32()).ToList();
        var shown = System.Text.RegularExpressions.Regex.Matches(html, "<section class=\"qa\" id=\"vraag-(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(shown, numbers);
        Assert.Contains(json.GetProperty("subject").GetString()!, WebUtility.HtmlDecode(html), StringComparison.OrdinalIgnoreCase);
    }
}

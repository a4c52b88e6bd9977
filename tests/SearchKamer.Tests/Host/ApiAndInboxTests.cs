using System.Net;

namespace SearchKamer.Tests.Host;

/// <summary>The rest of the host around the pages: export, OpenAPI, health and the inbox watcher.</summary>
[Collection(HostCollection.Name)]
public sealed class ApiAndInboxTests(HostFixture host)
{
    [Fact]
    public async Task Export_as_csv_has_a_header_line_and_a_row_per_matching_question()
    {
        using var response = await host.Client.GetAsync("/api/export?q=externe+inhuur&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("docId,officialId,documentNumber,kind", lines[0]);
        var total = (await host.Json("/api/search?q=externe+inhuur")).GetProperty("total").GetInt32();
        Assert.True(lines.Length - 1 >= total, $"{lines.Length - 1} rows for {total} questions");
    }

    [Fact]
    public async Task Export_with_an_unknown_format_is_a_400_naming_format()
    {
        var json = await host.Json("/api/export?q=x&format=xlsx", HttpStatusCode.BadRequest);
        Assert.Equal("format", json.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        var json = await host.Json("/openapi/v1.json");
        Assert.True(json.GetProperty("paths").TryGetProperty("/api/search", out _));
        Assert.False(json.GetProperty("paths").TryGetProperty("/document/{id}", out _));
    }

    [Fact]
    public async Task Health_is_ok_once_the_index_is_built()
    {
        using var response = await host.Client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_pdf_dropped_into_the_inbox_is_moved_to_done_and_becomes_searchable()
    {
        const string id = "ah-tk-20232024-1481";
        var source = RepoPaths.CorpusFile("pdf", "1b650dd7-71d6-4b8f-8625-36c000046742.pdf");
        var dropped = Path.Combine(host.Inbox, "inbox-test.pdf");
        var hidden = Path.Combine(host.Inbox, ".inbox-test.pdf");
        // Copied under a dot name the watcher skips, then renamed, so it never sees a half-written file.
        File.Copy(source, hidden);
        File.Move(hidden, dropped);

        var done = Path.Combine(host.Inbox, "done", "inbox-test.pdf");
        var until = DateTime.UtcNow.AddSeconds(60);
        string? path = null;
        while (DateTime.UtcNow < until)
        {
            var doc = await host.Json("/api/documents/" + id);
            path = doc.GetProperty("source").GetProperty("path").GetString();
            // The API names the file, not the server's folders; the corpus copy has another name.
            if (File.Exists(done) && path == Path.GetFileName(done))
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.False(File.Exists(dropped), "the file is still in the inbox");
        Assert.Equal(Path.GetFileName(done), path);
        var subject = (await host.Json("/api/documents/" + id)).GetProperty("subject").GetString()!;
        var word = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First().Trim('«', '»', '‘', '’', '\'', '"', ',', '.');
        var found = await host.Json("/api/search?size=100&q=" + Uri.EscapeDataString(word));
        Assert.Contains(found.GetProperty("documents").EnumerateArray(), d => d.GetProperty("id").GetString() == id);

        using var file = await host.Client.GetAsync("/bestand/" + id);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }
}

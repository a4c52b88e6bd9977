using System.Net;

namespace SearchKamer.Tests.Host;

/// <summary>The rest of the host around the pages: export, OpenAPI and health (the inbox has hosts of its own in WiringTests).</summary>
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
    public async Task A_search_answer_is_sent_whole_with_its_length_not_in_chunks()
    {
        using var response = await host.Client.GetAsync("/api/search?q=gemeente");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        Assert.True(json.RootElement.GetProperty("total").GetInt32() > 0);
    }

    [Fact]
    public async Task The_openapi_document_is_served()
    {
        var json = await host.Json("/openapi/v1.json");
        Assert.True(json.GetProperty("paths").TryGetProperty("/api/search", out _));
        Assert.False(json.GetProperty("paths").TryGetProperty("/document/{id}", out _));
    }

    [Fact]
    public async Task Health_counts_what_a_search_for_everything_finds()
    {
        var health = await host.Json("/health");
        var all = await host.Json("/api/search?q=*");

        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal(all.GetProperty("totalDocuments").GetInt32(), health.GetProperty("documents").GetInt32());
        Assert.Equal(all.GetProperty("total").GetInt32(), health.GetProperty("pairs").GetInt32());
    }
}

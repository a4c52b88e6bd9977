using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SearchKamer.Host.Web.Pages;
using SearchKamer.Search;

namespace SearchKamer.Tests.Host;

/// <summary>The last line of defence: an exception nobody expected becomes a Dutch 500 page without technical detail.</summary>
public sealed class UnexpectedErrorTests : IDisposable
{
    private const string Secret = "geheime-stacktrace-tekst";

    private readonly string _data = Directory.CreateTempSubdirectory("searchkamer-500-").FullName;
    private readonly WebApplicationFactory<Program> _factory;

    public UnexpectedErrorTests()
    {
        var emptyCorpus = Directory.CreateDirectory(Path.Combine(_data, "leeg")).FullName;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("SearchKamer:DataDirectory", _data);
            b.UseSetting("SearchKamer:CorpusDirectory", emptyCorpus);
            // Every page and API call needs the engine; making it fail stands in for any bug.
            // Background services (alerts, inbox) also want the engine at start-up; they are not under test here.
            b.ConfigureTestServices(s =>
            {
                s.RemoveAll<Microsoft.Extensions.Hosting.IHostedService>();
                s.AddSingleton<SearchEngine>(_ => throw new InvalidOperationException(Secret));
            });
        });
    }

    [Theory]
    [InlineData("/?q=regering")]
    [InlineData("/document/ah-tk-20232024-1314")]
    public async Task A_page_gets_a_generic_dutch_error_page(string url)
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Er ging iets mis", html);
        Assert.DoesNotContain(Secret, html);
        Assert.DoesNotContain("InvalidOperationException", html);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task The_api_gets_json_without_detail()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync("/api/search?q=regering");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(Secret, body);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}

/// <summary>/bestand serves only files inside the data or corpus directory.</summary>
public sealed class SourceFileGuardTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("searchkamer-bestand-").FullName;

    [Fact]
    public void A_file_inside_a_root_is_served_and_one_outside_is_not()
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        var inside = Path.Combine(data, "a.pdf");
        var outside = Path.Combine(_root, "elders.pdf");
        File.WriteAllText(inside, "x");
        File.WriteAllText(outside, "x");

        Assert.Equal(inside, SourceFile.Allowed(inside, [data]));
        Assert.Null(SourceFile.Allowed(outside, [data]));
        Assert.Null(SourceFile.Allowed(Path.Combine(data, "..", "elders.pdf"), [data]));
        Assert.Null(SourceFile.Allowed(Path.Combine(data, "ontbreekt.pdf"), [data]));
        Assert.Null(SourceFile.Allowed("", [data]));
        // A sibling whose name merely starts with the root's name is outside it.
        var sibling = Directory.CreateDirectory(data + "2").FullName;
        File.WriteAllText(Path.Combine(sibling, "b.pdf"), "x");
        Assert.Null(SourceFile.Allowed(Path.Combine(sibling, "b.pdf"), [data]));
    }

    [Fact]
    public void A_link_inside_a_root_pointing_outside_is_not_served()
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "data")).FullName;
        var outside = Path.Combine(_root, "passwd");
        File.WriteAllText(outside, "x");
        var link = Path.Combine(data, "link.pdf");
        File.CreateSymbolicLink(link, outside);

        Assert.Null(SourceFile.Allowed(link, [data]));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SearchKamer.Host.Web;
using SearchKamer.Search;

namespace SearchKamer.Tests.Host;

/// <summary>The start-up warm-up's second part asks the host through its own socket, and only this machine.</summary>
[Collection(HostCollection.Name)]
public sealed class LoopbackApiTests(HostFixture host)
{
    [Fact]
    public void A_search_asked_through_the_hosts_own_socket_gets_its_answer()
    {
        using var api = new LoopbackApi(host.Services.GetRequiredService<IServer>(), host.Services.GetRequiredService<IHostApplicationLifetime>(),
            host.Services.GetRequiredService<IOptions<HostFilteringOptions>>());

        Assert.True(api.Ask(new SearchRequest { Query = "externe inhuur" }));
        // A parameter the API refuses (400) is a whole answer too; the warm-up goes on after it.
        Assert.True(api.Ask(new SearchRequest { Query = "inhuur", Page = 0 }));
    }

    [Theory]
    [InlineData("http://0.0.0.0:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://+:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://*:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:5000", "http://[::1]:5000/")]
    [InlineData("http://localhost:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://kamervragen.example.org:5000", "http://127.0.0.1:5000/")]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41234/")]
    [InlineData("http://192.168.1.5:5000", "http://192.168.1.5:5000/")]
    public void A_listening_address_is_asked_on_this_machine(string listening, string asked) =>
        Assert.Equal(new Uri(asked), LoopbackApi.LoopbackOf([listening]));

    [Theory]
    [InlineData("*", null)]
    [InlineData("", null)]
    [InlineData("kamervragen.example.org", "kamervragen.example.org")]
    [InlineData("*.example.org;zoek.example.nl", "zoek.example.nl")]
    [InlineData("*.example.org", null)]
    public void A_loopback_request_names_a_host_the_host_filter_allows(string allowedHosts, string? hostHeader) =>
        Assert.Equal(hostHeader, LoopbackApi.HostHeaderFor(allowedHosts.Split(';')));

    [Fact]
    public void A_server_with_https_only_or_without_addresses_is_not_asked()
    {
        Assert.Null(LoopbackApi.LoopbackOf([]));
        Assert.Null(LoopbackApi.LoopbackOf(["https://0.0.0.0:5001"]));
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), LoopbackApi.LoopbackOf(["https://0.0.0.0:5001", "http://0.0.0.0:5000"]));
    }
}

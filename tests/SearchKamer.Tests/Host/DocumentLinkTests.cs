using SearchKamer.Host.Web.Pages;

namespace SearchKamer.Tests.Host;

/// <summary>Links found inside documents (footnote URLs) become anchors only when they are web addresses.</summary>
public sealed class DocumentLinkTests
{
    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example/x")]
    [InlineData("www.rijksoverheid.nl")]
    [InlineData("")]
    [InlineData(null)]
    public void A_script_data_or_relative_url_stays_text(string? url) => Assert.False(Html.IsWebLink(url));

    [Theory]
    [InlineData("https://www.rijksoverheid.nl/documenten")]
    [InlineData("http://www.tweedekamer.nl/kamerstukken")]
    public void A_web_address_becomes_a_link(string url) => Assert.True(Html.IsWebLink(url));
}

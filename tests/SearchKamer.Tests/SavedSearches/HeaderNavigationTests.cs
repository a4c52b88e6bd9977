using System.Net;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>Every page's header leads to the open questions and to signing in, or, signed in, to the personal pages and out.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed class HeaderNavigationTests
{
    [Fact]
    public async Task A_visitor_sees_sign_in_and_a_signed_in_user_sees_their_pages_and_sign_out_on_every_page()
    {
        using var host = new SavedSearchHost();
        var (_, token, _) = host.NewUser("kop@example.nl");
        var anonymous = host.Anonymous();
        var browser = await host.Browser(token);

        foreach (var page in new[] { "/", "/?q=ontwikkelingshulp", "/document/" + SavedSearchHost.QuestionSetKey, "/open-vragen", "/statistiek", "/mijn/zoekopdrachten" })
        {
            if (page.StartsWith("/mijn", StringComparison.Ordinal))
            {
                Assert.Contains(">Mijn SearchKamer</a>", Header(await browser.GetStringAsync(page)), StringComparison.Ordinal);
                continue;
            }

            var visitor = await anonymous.GetStringAsync(page);
            Assert.Contains("<a href=\"/open-vragen\">Open vragen</a>", Header(visitor), StringComparison.Ordinal);
            Assert.Contains("<a href=\"/aanmelden\">Inloggen</a>", Header(visitor), StringComparison.Ordinal);
            Assert.DoesNotContain("Uitloggen", Header(visitor), StringComparison.Ordinal);

            var user = Header(await browser.GetStringAsync(page));
            Assert.Contains(">Mijn SearchKamer</a>", user, StringComparison.Ordinal);
            Assert.Contains("action=\"/uitloggen\"", user, StringComparison.Ordinal);
            Assert.DoesNotContain(">Inloggen<", user, StringComparison.Ordinal);
        }

        // The header's own button signs out: afterwards the same browser is a visitor again.
        var signOut = await SavedSearchHost.PostForm(browser, "/", "/uitloggen");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains(">Inloggen</a>", Header(await browser.GetStringAsync("/")), StringComparison.Ordinal);
    }

    private static string Header(string html) => html[html.IndexOf("<header", StringComparison.Ordinal)..html.IndexOf("</header>", StringComparison.Ordinal)];
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchKamer.SavedSearches;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>Self-service sign-up with double opt-in, against the real SMTP sink.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed partial class SignUpTests
{
    [Fact]
    public async Task Sign_up_mails_a_link_and_the_token_appears_only_after_the_click_on_it()
    {
        using var smtp = new SmtpSink();
        using var host = new SavedSearchHost(Smtp(smtp));
        var browser = host.Anonymous();

        var page = await SignUp(browser, "nieuw@example.nl");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Bearer", html);
        Assert.DoesNotContain("inloggen?token", html);
        Assert.False(Assert.Single(host.Get<Users>().All()).Confirmed);

        await SavedSearchHost.Until(() => smtp.Messages().Count == 1, "the confirmation mail");
        var mail = Assert.Single(smtp.Messages());
        Assert.Contains("To: nieuw@example.nl", mail);
        var link = new Uri(ConfirmationLink().Match(SmtpSink.Body(mail)).Value);
        Assert.Equal("zoek.example.nl", link.Host);

        // Opening the link (as a mail scanner would) confirms nothing; the button does.
        var confirmPage = await browser.GetStringAsync(link.PathAndQuery);
        Assert.Contains("nieuw@example.nl", confirmPage);
        Assert.False(Assert.Single(host.Get<Users>().All()).Confirmed);
        var code = Uri.UnescapeDataString(link.Query["?code=".Length..]);
        var confirmed = await SavedSearchHost.PostForm(browser, link.PathAndQuery, "/bevestigen", ("code", code));
        var shown = await confirmed.Content.ReadAsStringAsync();
        // Shown the way a renewal shows it (one renderer): the sign-in link and the Bearer header carry the same token.
        var token = TokenRenewalTests.ShownToken(shown);

        var api = host.Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var account = await api.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.Equal("nieuw@example.nl", account.GetProperty("email").GetString());
        Assert.True(account.GetProperty("confirmed").GetBoolean());
        // The code is spent.
        Assert.Equal(HttpStatusCode.Unauthorized, (await SavedSearchHost.PostForm(browser, "/aanmelden", "/bevestigen", ("code", code))).StatusCode);
    }

    [Fact]
    public async Task Sign_up_for_a_known_address_answers_like_a_new_one_and_mails_the_owner_instead()
    {
        using var smtp = new SmtpSink();
        using var host = new SavedSearchHost(Smtp(smtp));
        var (owner, _, _) = host.NewUser("bestaand@example.nl");

        var known = await (await SignUp(host.Anonymous(), "bestaand@example.nl")).Content.ReadAsStringAsync();
        var fresh = await (await SignUp(host.Anonymous(), "onbekend@example.nl")).Content.ReadAsStringAsync();

        Assert.Equal(fresh.Replace("onbekend@example.nl", "ADRES", StringComparison.Ordinal), known.Replace("bestaand@example.nl", "ADRES", StringComparison.Ordinal));
        Assert.DoesNotContain("al een account", known);
        await SavedSearchHost.Until(() => smtp.Messages().Count == 2, "a mail to each address");
        var ownerMail = SmtpSink.Body(Assert.Single(smtp.Messages(), m => m.Contains("To: bestaand@example.nl", StringComparison.Ordinal)));
        Assert.Contains("al een account", ownerMail);
        // Nothing changed for the owner until they act on the mail.
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/account")).StatusCode);
    }

    [Fact]
    public async Task Mail_goes_only_to_a_confirmed_address()
    {
        using var smtp = new SmtpSink();
        using var host = new SavedSearchHost(Smtp(smtp));
        var pending = host.Get<SignUps>().Start("onbevestigd@example.nl");
        var user = Assert.Single(host.Get<Users>().All());
        Assert.True(user.EmailAlerts);
        host.Get<Follows>().Add(user.Id, SavedSearchHost.Zaak, SavedSearchHost.Zaak);

        await host.IngestViaInbox(SavedSearchHost.AnswerFile);

        var alert = Assert.Single(host.Get<AlertStore>().ForUser(user.Id));
        Assert.Empty(host.Get<AlertStore>().DeliveriesOf(user.Id, alert.Id));
        Assert.NotNull(pending.Code);
        Assert.Empty(smtp.Messages());
    }

    [Fact]
    public async Task Without_an_smtp_server_there_is_no_self_service_sign_up_and_users_add_still_works()
    {
        using var host = new SavedSearchHost();
        Assert.Contains("beheerder", await host.Anonymous().GetStringAsync("/aanmelden"));
        var (api, token, _) = host.NewUser("beheer@example.nl");
        Assert.True((await api.GetFromJsonAsync<JsonElement>("/api/account")).GetProperty("confirmed").GetBoolean());

        // A form posted anyway (the antiforgery token taken from another page) makes no account.
        var page = await SavedSearchHost.PostForm(host.Anonymous(), "/inloggen?token=" + Uri.EscapeDataString(token), "/aanmelden", ("email", "iemand@example.nl"));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("beheerder", await page.Content.ReadAsStringAsync());
        Assert.Equal("beheer@example.nl", Assert.Single(host.Get<Users>().All()).Email);
    }

    private static Dictionary<string, string> Smtp(SmtpSink smtp) => new()
    {
        ["SearchKamer:Smtp:Host"] = "127.0.0.1",
        ["SearchKamer:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
    };

    private static Task<HttpResponseMessage> SignUp(HttpClient browser, string email) =>
        SavedSearchHost.PostForm(browser, "/aanmelden", "/aanmelden", ("email", email));

    [GeneratedRegex(@"https://zoek\.example\.nl/bevestigen\?code=[A-Za-z0-9_%-]+")]
    private static partial Regex ConfirmationLink();
}

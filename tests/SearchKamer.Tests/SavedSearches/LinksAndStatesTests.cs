using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using SearchKamer.SavedSearches;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>Issue 18 §2: links that lead people to pages, "new" that means new, and API input that is checked field by field.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed class LinksAndStatesTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task Feed_entries_and_webhooks_link_to_the_document_page_at_the_public_url_and_the_feed_names_itself_as_self()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.Up();
        using var host = new SavedSearchHost();
        var (api, _, _) = host.NewUser("links@example.nl");
        await api.PutAsJsonAsync("/api/account/kanalen", new { webhookUrl = receiver.Url });
        var id = await SavedSearchHost.SaveSearch(api, "ontwikkelingshulp", "q=ontwikkelingshulp");
        var view = await api.GetFromJsonAsync<JsonElement>($"/api/zoekopdrachten/{id}");
        Assert.Equal("https://zoek.example.nl/?q=ontwikkelingshulp", view.GetProperty("results").GetString());

        await host.IngestViaInbox(SavedSearchHost.AnswerFile);
        await SavedSearchHost.Until(() => !receiver.Accepted.IsEmpty, "the webhook got the alert");

        var page = "https://zoek.example.nl/document/" + Uri.EscapeDataString(SavedSearchHost.AnswerKey);
        var (body, _) = Assert.Single(receiver.Accepted);
        Assert.Equal(page, JsonDocument.Parse(body).RootElement.GetProperty("alerts")[0].GetProperty("link").GetString());
        // The link is the human page of this host (HTML), reached under the public address's path.
        var human = await host.Anonymous().GetAsync(new Uri(page).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, human.StatusCode);
        Assert.Equal("text/html", human.Content.Headers.ContentType?.MediaType);

        var feedUrl = view.GetProperty("feed").GetString()!;
        var feed = XDocument.Parse(await host.Anonymous().GetStringAsync(new Uri(feedUrl).PathAndQuery)).Root!;
        Assert.Equal(feedUrl, Link(feed, "self"));
        Assert.Equal("https://zoek.example.nl/?q=ontwikkelingshulp", Link(feed, "alternate"));
        var links = feed.Elements(Atom + "entry").Select(e => Link(e, "alternate")).ToList();
        Assert.Contains(page, links);
        Assert.All(links, l => Assert.StartsWith("https://zoek.example.nl/document/", l));

        var publicFeed = XDocument.Parse(await host.Anonymous().GetStringAsync("/feed?q=ontwikkelingshulp")).Root!;
        Assert.Equal("https://zoek.example.nl/feed?q=ontwikkelingshulp", Link(publicFeed, "self"));
    }

    [Fact]
    public async Task An_unchanged_file_dropped_again_is_not_new_while_a_new_answer_is()
    {
        using var host = new SavedSearchHost();
        var (api, _, user) = host.NewUser("nieuw@example.nl");
        // Matches the question set (already indexed at start) and its answer (not yet indexed).
        var id = await SavedSearchHost.SaveSearch(api, "ontkoppeling", "q=ontwikkelingshulp");
        await api.GetAsync($"/api/zoekopdrachten/{id}/resultaten");
        var before = (await api.GetFromJsonAsync<JsonElement>($"/api/zoekopdrachten/{id}/resultaten")).GetProperty("documents")
            .EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.Contains(SavedSearchHost.QuestionSetKey, before);

        // The same question set file again, then the answer: only the answer is news.
        await host.DropIntoInbox(SavedSearchHost.QuestionSetFile);
        await host.IngestViaInbox(SavedSearchHost.AnswerFile);

        var alert = Assert.Single(host.Get<AlertStore>().ForUser(user.Id));
        Assert.Equal(SavedSearchHost.AnswerKey, alert.DocumentKey);
        var listed = await api.GetFromJsonAsync<JsonElement>("/api/zoekopdrachten");
        Assert.Equal(1, listed[0].GetProperty("newSinceVisit").GetInt32());
    }

    [Fact]
    public async Task A_partial_channels_update_changes_only_what_it_names()
    {
        await using var receiver = new WebhookReceiver();
        using var host = new SavedSearchHost();
        var (api, _, _) = host.NewUser("deels@example.nl");
        await api.PutAsJsonAsync("/api/account/kanalen", new { webhookUrl = receiver.Url, emailAlerts = false });

        var onlyEmail = await api.PutAsync("/api/account/kanalen", JsonContent.Create(new { emailAlerts = true }));
        Assert.Equal(HttpStatusCode.OK, onlyEmail.StatusCode);
        var account = await api.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.Equal(receiver.Url, account.GetProperty("webhookUrl").GetString());
        Assert.True(account.GetProperty("emailAlerts").GetBoolean());

        await api.PutAsync("/api/account/kanalen", new StringContent("{\"emailAlerts\": false}", System.Text.Encoding.UTF8, "application/json"));
        await api.PutAsync("/api/account/kanalen", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        account = await api.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.Equal(receiver.Url, account.GetProperty("webhookUrl").GetString());
        Assert.False(account.GetProperty("emailAlerts").GetBoolean());

        await api.PutAsync("/api/account/kanalen", new StringContent("{\"webhookUrl\": null}", System.Text.Encoding.UTF8, "application/json"));
        account = await api.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.Equal(JsonValueKind.Null, account.GetProperty("webhookUrl").ValueKind);
        Assert.False(account.GetProperty("emailAlerts").GetBoolean());
    }

    [Theory]
    [InlineData("{\"state\": \"q=x\"}", "name")]
    [InlineData("{\"name\": null, \"state\": \"q=x\"}", "name")]
    [InlineData("{\"name\": \"x\"}", "state")]
    [InlineData("{\"name\": \"x\", \"state\": null}", "state")]
    public async Task A_missing_or_null_name_or_state_is_a_400_naming_the_field(string body, string field)
    {
        using var host = new SavedSearchHost();
        var (api, _, _) = host.NewUser("velden@example.nl");
        var id = await SavedSearchHost.SaveSearch(api, "bestaand", "q=x");
        foreach (var response in new[]
        {
            await api.PostAsync("/api/zoekopdrachten", new StringContent(body, System.Text.Encoding.UTF8, "application/json")),
            await api.PutAsync($"/api/zoekopdrachten/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json")),
        })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(field, problem.GetProperty("parameter").GetString());
            Assert.Contains(field, problem.GetProperty("detail").GetString());
        }
    }

    [Theory]
    [InlineData("direct", "live")]
    [InlineData("per uur", "hourly")]
    [InlineData("Dagelijks", "daily")]
    [InlineData("wekelijks", "weekly")]
    [InlineData("hourly", "hourly")]
    public async Task Dutch_and_english_interval_names_are_accepted(string given, string stored)
    {
        using var host = new SavedSearchHost();
        var (api, token, _) = host.NewUser("interval@example.nl");
        var id = await SavedSearchHost.SaveSearch(api, "x", "q=x", given);
        Assert.Equal(stored, (await api.GetFromJsonAsync<JsonElement>($"/api/zoekopdrachten/{id}")).GetProperty("interval").GetString());
        var edit = await (await host.Browser(token)).GetStringAsync($"/mijn/zoekopdrachten/{id}");
        Assert.Matches("<option value=\"(direct|per uur|dagelijks|wekelijks)\" selected>", edit);
        Assert.Contains(">per uur</option>", edit);
    }

    [Fact]
    public async Task The_api_names_a_documents_source_by_its_file_name_not_the_servers_path()
    {
        using var host = new SavedSearchHost();
        var json = await host.Anonymous().GetFromJsonAsync<JsonElement>("/api/documents/" + SavedSearchHost.QuestionSetKey);
        var path = json.GetProperty("source").GetProperty("path").GetString()!;
        Assert.Equal(SavedSearchHost.QuestionSetFile, path);
        Assert.DoesNotContain(host.Root, json.ToString());
    }

    private static string? Link(XElement parent, string rel) =>
        parent.Elements(Atom + "link").FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == rel)?.Attribute("href")?.Value;
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SearchKamer.SavedSearches;

namespace SearchKamer.Tests.SavedSearches;

[Collection(SavedSearchHost.Collection)]
public sealed class AlertTests
{
    [Fact]
    public async Task Following_a_question_set_gives_exactly_one_alert_when_its_answer_is_ingested()
    {
        using var host = new SavedSearchHost();
        var (api, _, user) = host.NewUser("volger@example.nl");

        var follow = await api.PostAsJsonAsync("/api/volgen", new { document = SavedSearchHost.QuestionSetKey });
        Assert.Equal(HttpStatusCode.OK, follow.StatusCode);
        Assert.Contains(SavedSearchHost.Zaak, await follow.Content.ReadAsStringAsync());

        await host.IngestViaInbox(SavedSearchHost.AnswerFile);
        // The same answer again, changed by a trailing line: reindexed, but it brings no news, so no second alert.
        await host.DropIntoInbox(SavedSearchHost.AnswerFile, text => text + "\n");

        var alerts = host.Get<AlertStore>().ForUser(user.Id);
        var alert = Assert.Single(alerts);
        Assert.Equal(SavedSearchHost.AnswerKey, alert.DocumentKey);
        Assert.Equal("antwoord", alert.Kind);
        Assert.Contains("beantwoord", alert.Reason);
        var listed = await api.GetFromJsonAsync<JsonElement>("/api/meldingen");
        Assert.Equal(1, listed.GetArrayLength());
    }

    [Fact]
    public async Task A_document_matched_by_several_searches_and_a_follow_is_one_alert_per_user()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.Up();
        using var host = new SavedSearchHost();
        var (a, _, userA) = host.NewUser("a@example.nl");
        var (b, _, userB) = host.NewUser("b@example.nl");
        foreach (var api in new[] { a, b })
        {
            Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/account/kanalen", new { webhookUrl = receiver.Url, emailAlerts = false })).StatusCode);
        }

        await SavedSearchHost.SaveSearch(a, "ontwikkelingshulp", "q=ontwikkelingshulp");
        await SavedSearchHost.SaveSearch(a, "alle antwoorden", "soort=antwoord", "hourly");
        await SavedSearchHost.SaveSearch(a, "in antwoorden", "q=ontwikkelingshulp&soort=antwoord");
        await a.PostAsJsonAsync("/api/volgen", new { zaak = SavedSearchHost.Zaak });
        await SavedSearchHost.SaveSearch(b, "ontwikkelingshulp", "q=ontwikkelingshulp");

        await host.IngestViaInbox(SavedSearchHost.AnswerFile);

        var store = host.Get<AlertStore>();
        var alertA = Assert.Single(store.ForUser(userA.Id));
        var alertB = Assert.Single(store.ForUser(userB.Id));
        Assert.Equal(SavedSearchHost.AnswerKey, alertA.DocumentKey);
        Assert.Equal(SavedSearchHost.AnswerKey, alertB.DocumentKey);
        Assert.Contains("ontwikkelingshulp", alertA.Reason);
        Assert.Contains("in antwoorden", alertA.Reason);
        Assert.Contains("alle antwoorden", alertA.Reason);
        Assert.Contains("u volgt", alertA.Reason);

        // The follow makes it live, although one matching search is hourly.
        await SavedSearchHost.Until(() => receiver.Accepted.Count >= 2, "one webhook per user");
        await Task.Delay(1000);
        Assert.Equal(2, receiver.Accepted.Count);
        Assert.All(receiver.Accepted, r => Assert.Single(JsonDocument.Parse(r.Body).RootElement.GetProperty("alerts").EnumerateArray()));
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using SearchKamer.Host.Web;
using SearchKamer.SavedSearches;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>Alert rounds search through the same gate as visitors: while every search slot is taken, no alert search runs.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed class AlertGateTests
{
    [Fact]
    public async Task An_alert_round_waits_for_a_free_search_slot_and_alerts_once_one_is_free()
    {
        using var host = new SavedSearchHost(new() { ["SearchKamer:ConcurrentSearches"] = "1" });
        var (api, _, _) = host.NewUser("poort@example.nl");
        await SavedSearchHost.SaveSearch(api, "ontwikkelingshulp", "q=ontwikkelingshulp");
        var before = host.Get<AlertStore>().Watermark();

        // A visitor's search holds the only slot.
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var visitor = Task.Run(() => host.Get<SearchGate>().Run(() =>
        {
            held.Set();
            release.Wait();
            return 0;
        }));
        held.Wait();

        await host.DropIntoInbox(SavedSearchHost.AnswerFile);
        await Task.Delay(2000);
        Assert.Equal(before, host.Get<AlertStore>().Watermark());
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/meldingen")).EnumerateArray());

        release.Set();
        await visitor;
        await SavedSearchHost.Until(() => host.Get<AlertStore>().Watermark() > before, "the alert round after the slot came free");
        Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/meldingen")).EnumerateArray());
    }
}

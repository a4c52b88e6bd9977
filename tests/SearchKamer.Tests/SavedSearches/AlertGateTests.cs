using System.Net.Http.Json;
using System.Text.Json;
using SearchKamer.Host.Services;
using SearchKamer.Host.Web;
using SearchKamer.Tests.Ingestion;
using SearchKamer.SavedSearches;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>Alert rounds search through the same gate as visitors: while every search slot is taken, no alert search runs.</summary>
[Collection(SavedSearchHost.Collection)]
public sealed class AlertGateTests
{
    [Fact]
    public async Task An_alert_round_waits_at_background_priority_for_a_free_search_slot_and_alerts_once_one_is_free()
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
        // The round that waits at the gate is on its own thread, at background priority.
        await SavedSearchHost.Until(() => !OperatingSystem.IsLinux() || ThreadPriorities.OfThreadsNamed(AlertService.RoundThreadName).Count > 0, "an alert round waiting at the gate");
        Assert.All(ThreadPriorities.OfThreadsNamed(AlertService.RoundThreadName), p => Assert.Equal(BackgroundPriorityTests.Lowered, p));
        await Task.Delay(2000);
        Assert.Equal(before, host.Get<AlertStore>().Watermark());
        Assert.Empty((await api.GetFromJsonAsync<JsonElement>("/api/meldingen")).EnumerateArray());

        release.Set();
        await visitor;
        await SavedSearchHost.Until(() => host.Get<AlertStore>().Watermark() > before, "the alert round after the slot came free");
        Assert.Single((await api.GetFromJsonAsync<JsonElement>("/api/meldingen")).EnumerateArray());
    }
}

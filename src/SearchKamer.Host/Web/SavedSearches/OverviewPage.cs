using System.Globalization;
using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>/mijn: everything personal on one page — saved searches, follows, recent alerts, channels, feeds, account.</summary>
public static class OverviewPage
{
    private const int RecentAlerts = 5;

    public static void Map(WebApplication app) =>
        app.MapGroup("/mijn").RequireSession().MapGet("/", (HttpContext ctx, long? bewaard, SavedSearchStore store, Follows follows, AlertStore alerts,
            SavedSearchRunner runner, SavedSearchLimits limits, SearchGate gate, FeedKeys keys, Links links, SmtpSettings smtp) =>
        {
            var user = Auth.Current(ctx);
            var searches = store.List(user.Id);
            var feed = Html.E(FeedUrls.Mine(keys, links, user.Id));
            var saved = bewaard is { } id && searches.FirstOrDefault(s => s.Id == id) is { } s
                ? $"<p class=\"done\" role=\"status\">Zoekopdracht “{Html.E(s.Name)}” is bewaard; u krijgt {Html.E(Intervals.Dutch(s.Interval))} een melding van nieuwe documenten.</p>"
                : "";
            var body = saved
                + "<h2 id=\"zoekopdrachten\">Bewaarde zoekopdrachten</h2>" + SearchList(ctx, searches, runner, limits, gate, keys, links, alerts.LastAlertPerSearch(user.Id))
                + "<h2 id=\"volgen\">Gevolgde vragen</h2>" + FollowList(ctx, follows.List(user.Id))
                + "<h2 id=\"meldingen\">Recente meldingen</h2>" + Recent(alerts, user.Id)
                + "<h2 id=\"kanalen\">Hoe u meldingen krijgt</h2>" + Channels(ctx, user, smtp)
                + "<h2 id=\"feeds\">Feeds</h2>"
                + $"<p>Feed van al uw meldingen (alleen te lezen, deel het adres niet): <a class=\"url\" href=\"{feed}\">{feed}</a></p>"
                + "<p>Elke bewaarde zoekopdracht heeft hierboven ook een eigen feed. Een nieuw feedadres maakt u onder <a href=\"/mijn/instellingen\">instellingen</a>.</p>"
                + "<h2 id=\"account\">Account</h2>"
                + $"<p>Aangemeld als <strong>{Html.E(user.Email)}</strong>{(user.Confirmed ? "" : " (adres nog niet bevestigd)")}.</p>"
                + "<p>Uw persoonlijke link is uw wachtwoord, en het token erin geeft toegang tot de API. Maak een nieuwe als iemand anders hem kan hebben gezien: "
                + "de oude link en het oude token werken daarna niet meer en andere browsers worden uitgelogd; hier blijft u ingelogd. "
                + "Wie uw link had, kon via de API ook uw feedadressen zien: vink dan ook het vakje aan (uw feedlezer heeft daarna de nieuwe adressen nodig).</p>"
                + TokenRenewal.Form(ctx)
                + "<p>Link kwijt en niet ingelogd? Vraag op <a href=\"/aanmelden\">aanmelden</a> opnieuw een account aan met hetzelfde adres: u krijgt een e-mail met een link naar een nieuwe persoonlijke link.</p>"
                + Html.Form(ctx, "/uitloggen", "", "Uitloggen");
            return Html.Page("Mijn SearchKamer", body, user);
        });

    /// <summary>Name, the query as chips, interval and "nieuw sinds uw laatste bezoek" (counted for the first few only, through the search gate), and its actions.</summary>
    public static string SearchList(HttpContext ctx, IReadOnlyList<SavedSearch> searches, SavedSearchRunner runner, SavedSearchLimits limits, SearchGate gate,
        FeedKeys keys, Links links, IReadOnlyDictionary<long, DateTimeOffset>? lastAlerts = null)
    {
        if (searches.Count == 0)
        {
            return "<p>Nog geen bewaarde zoekopdrachten. Zoek op de <a href=\"/\">zoekpagina</a> en kies bij de resultaten “Bewaar deze zoekopdracht”.</p>";
        }

        var user = Auth.Current(ctx);
        var rows = searches.Select((s, i) =>
        {
            var fresh = i >= limits.CountedInList ? "" : gate.Run(() => runner.NewSinceVisit(s)) switch
            {
                null => " · zoekopdracht niet meer geldig",
                0 => " · niets nieuw sinds uw laatste bezoek",
                var n => $" · <strong>{n} nieuw</strong> sinds uw laatste bezoek",
            };
            return $"""<li class="card"><h3><a href="/mijn/zoekopdrachten/{s.Id}/uitvoeren">{Html.E(s.Name)}</a></h3>{StateChips.Render(s.State)}"""
                + $"""<p class="meta">Melden: {Html.E(Intervals.Dutch(s.Interval))}{fresh}</p>"""
                + LastAlert(lastAlerts, s.Id)
                + $"""<p class="actions"><a href="/?{Html.E(s.State.TrimStart('?'))}">openen in zoeken</a> · <a href="/mijn/zoekopdrachten/{s.Id}">bewerken</a> · """
                + $"""<a href="{Html.E(FeedUrls.Search(keys, links, user.Id, s.Id))}" type="application/atom+xml">feed</a></p>"""
                + Html.Form(ctx, $"/mijn/zoekopdrachten/{s.Id}/verwijderen", "", "Verwijderen") + "</li>";
        });
        return $"<ul class=\"cards\">{string.Concat(rows)}</ul>";
    }

    /// <summary>"Laatste melding" on /mijn only; lists without the alert times show nothing rather than a wrong "nog geen".</summary>
    private static string LastAlert(IReadOnlyDictionary<long, DateTimeOffset>? lastAlerts, long searchId) => lastAlerts is null ? ""
        : "<p class=\"meta last-alert\">Laatste melding: " + (lastAlerts.TryGetValue(searchId, out var at)
            ? Html.E(at.ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("nl-NL"))) + " UTC"
            : "nog geen melding") + "</p>";

    private static string FollowList(HttpContext ctx, IReadOnlyList<Follow> follows) => follows.Count == 0
        ? "<p>U volgt nog geen vragen. Kies op de pagina van schriftelijke vragen “Volg deze vragen”: u krijgt dan een melding zodra het antwoord er is.</p>"
        : "<ul class=\"cards\">" + string.Concat(follows.Select(f =>
            $"""<li class="card"><a href="/?q={Uri.EscapeDataString(f.Zaak)}">{Html.E(f.Label)}</a>"""
            + Html.Form(ctx, $"/mijn/volgen/{f.Id}/verwijderen", "", "Niet meer volgen") + "</li>")) + "</ul>";

    private static string Recent(AlertStore alerts, long userId)
    {
        var recent = alerts.ForUser(userId, RecentAlerts);
        if (recent.Count == 0)
        {
            return "<p>Nog geen meldingen.</p>";
        }

        return "<ul class=\"cards\">" + string.Concat(recent.Select(a =>
            $"""<li class="card"><a href="/document/{Uri.EscapeDataString(a.DocumentKey)}">{Html.E(a.Subject ?? "Kamervragen")}</a>"""
            + $"""<p class="meta">{Html.E(a.CreatedAt.ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("nl-NL")))} UTC · {Html.E(a.Reason)}</p>"""
            + $"""<p class="meta">{string.Join(", ", alerts.DeliveriesOf(userId, a.Id).Select(d => Html.E($"{Channel(d.Channel)}: {FollowPages.Status(d)}")))}</p></li>""")) + "</ul>"
            + "<p><a href=\"/mijn/meldingen\">Alle meldingen</a></p>";
    }

    private static string Channel(string channel) => channel switch
    {
        "email" => "e-mail",
        _ => channel,
    };

    private static string Channels(HttpContext ctx, User user, SmtpSettings smtp) =>
        "<ul>"
        + $"<li>E-mail: {(!smtp.Configured ? "niet beschikbaar op deze site" : user.EmailAlerts ? (user.Confirmed ? "aan, naar " + Html.E(user.Email) : "aan, maar het adres is nog niet bevestigd") : "uit")}</li>"
        + $"<li>Webhook: {(user.WebhookUrl is { Length: > 0 } url ? "naar " + Html.E(url) : "geen")}</li>"
        + "<li>Feed: altijd (hieronder)</li></ul>"
        + (user.WebhookUrl is { Length: > 0 } ? Html.Form(ctx, "/mijn/webhook/test", "", "Test de webhook") : "")
        + "<p><a href=\"/mijn/instellingen\">Kanalen instellen</a></p>";
}

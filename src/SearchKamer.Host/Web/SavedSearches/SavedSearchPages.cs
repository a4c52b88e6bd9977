using System.Globalization;
using SearchKamer.SavedSearches;
using SearchKamer.Search;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>/mijn/zoekopdrachten: list with "N nieuw sinds uw laatste bezoek", new (from the results page's "Bewaar"), edit, delete, run.</summary>
public static class SavedSearchPages
{
    public static void Map(WebApplication app)
    {
        var pages = app.MapGroup("/mijn/zoekopdrachten").RequireSession();

        pages.MapGet("/", (HttpContext ctx, SavedSearchStore store, SavedSearchRunner runner, SavedSearchLimits limits, SearchGate gate, FeedKeys keys, Links links) =>
        {
            var user = Auth.Current(ctx);
            var body = OverviewPage.SearchList(ctx, store.List(user.Id), runner, limits, gate, keys, links)
                + $"""<p><a href="/mijn/zoekopdrachten/nieuw">Nieuwe zoekopdracht</a> · <a href="{Html.E(FeedUrls.Mine(keys, links, user.Id))}">Feed van al mijn meldingen</a></p>"""
                + "<p>Een feedadres geeft alleen die feed te lezen; een nieuw adres maakt u bij bewerken of onder instellingen.</p>";
            return Html.Page("Mijn zoekopdrachten", body, user);
        });

        // Reached from the search page as /mijn/zoekopdrachten/nieuw?<its query string>.
        pages.MapGet("/nieuw", (HttpContext ctx) =>
        {
            var state = ctx.Request.QueryString.Value?.TrimStart('?') ?? "";
            var name = ctx.Request.Query["q"].LastOrDefault() ?? "";
            return Html.Page("Zoekopdracht bewaren", EditForm(ctx, "/mijn/zoekopdrachten/nieuw", name, state, AlertInterval.Daily, null), Auth.Current(ctx));
        });

        pages.MapPost("/nieuw", (HttpContext ctx, IFormCollection form, SavedSearchStore store, SavedSearchRunner runner) =>
            Save(ctx, form, runner, "/mijn/zoekopdrachten/nieuw", (name, state, interval) => store.Create(Auth.Current(ctx).Id, name, state, interval)));

        pages.MapGet("/{id:long}", (long id, HttpContext ctx, SavedSearchStore store) =>
            store.Get(Auth.Current(ctx).Id, id) is { } s
                ? Html.Page("Zoekopdracht bewerken", EditForm(ctx, $"/mijn/zoekopdrachten/{s.Id}", s.Name, s.State, s.Interval, null)
                    + Html.Form(ctx, $"/mijn/zoekopdrachten/{s.Id}/verwijderen", "", "Verwijderen")
                    + Html.Form(ctx, $"/mijn/zoekopdrachten/{s.Id}/feedsleutel", "", "Nieuw feedadres (het oude werkt dan niet meer)"), Auth.Current(ctx))
                : NotFound(ctx));

        pages.MapPost("/{id:long}/feedsleutel", (long id, HttpContext ctx, IFormCollection _, FeedKeys keys, Links links) =>
            keys.RenewSearch(Auth.Current(ctx).Id, id) is { } key
                ? Html.Page("Nieuw feedadres", $"""<p>Het nieuwe adres: <a href="{Html.E(FeedUrls.SearchUrl(links, id, key))}">{Html.E(FeedUrls.SearchUrl(links, id, key))}</a></p>""", Auth.Current(ctx))
                : NotFound(ctx));

        pages.MapPost("/{id:long}", (long id, HttpContext ctx, IFormCollection form, SavedSearchStore store, SavedSearchRunner runner) =>
            Save(ctx, form, runner, $"/mijn/zoekopdrachten/{id}", (name, state, interval) => store.Update(Auth.Current(ctx).Id, id, name, state, interval)));

        pages.MapPost("/{id:long}/verwijderen", (long id, HttpContext ctx, IFormCollection _, SavedSearchStore store) =>
            store.Delete(Auth.Current(ctx).Id, id) ? Results.Redirect("/mijn/zoekopdrachten") : NotFound(ctx));

        pages.MapGet("/{id:long}/uitvoeren", (long id, int? page, HttpContext ctx, SavedSearchStore store, SavedSearchRunner runner) =>
        {
            if (store.Visit(Auth.Current(ctx).Id, id) is not { } s)
            {
                return NotFound(ctx);
            }

            try
            {
                var response = runner.Run(s, Math.Max(1, page ?? 1));
                var head = $"""<p>{response.TotalDocuments} documenten · <a href="/?{Html.E(s.State)}">openen in zoeken</a> · <a href="/mijn/zoekopdrachten/{s.Id}">bewerken</a></p>""";
                return Html.Page(s.Name, head + ResultList(ctx, response), Auth.Current(ctx));
            }
            catch (SearchRequestException e)
            {
                return Html.Page(s.Name, Html.Error(e.Message), Auth.Current(ctx), 400);
            }
        }).Gated();
    }

    /// <summary>Result entries; snippets are the engine's HTML (encoded text plus &lt;mark&gt;), everything else is encoded here.</summary>
    public static string ResultList(HttpContext ctx, SearchResponse response) => "<ol>" + string.Concat(response.Documents.Select(d =>
        $"""<li><h2><a href="/document/{Uri.EscapeDataString(d.Id)}">{Html.E(d.Title)}</a></h2><p>{Html.E(d.Kind)}{((d.DateReceived ?? d.DateSubmitted) is { } date ? " · " + date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")) : "")}</p>"""
        + string.Concat(d.Questions.Take(2).Select(q => $"<p>{q.Question}</p>" + (q.Answer is null ? "" : $"<p>{q.Answer}</p>")))
        + (d.Kind == "vragen" ? Html.Form(ctx, "/mijn/volgen", $"""<input type="hidden" name="document" value="{Html.E(d.Id)}">""", "Volg deze vragen") : "")
        + "</li>")) + "</ol>";

    private static IResult Save(HttpContext ctx, IFormCollection form, SavedSearchRunner runner, string action, Func<string, string, AlertInterval, SavedSearch?> save)
    {
        var name = form["name"].ToString();
        var state = form["state"].ToString();
        var interval = form["interval"].ToString();
        try
        {
            runner.Request(state);
            return save(name, state, Intervals.Parse(interval)) is { } saved ? Results.Redirect($"/mijn?bewaard={saved.Id}#zoekopdrachten") : NotFound(ctx);
        }
        catch (Exception e) when (e is UserException or SearchRequestException or LimitException)
        {
            return Html.Page("Zoekopdracht", EditForm(ctx, action, name, state, AlertInterval.Daily, e.Message), Auth.Current(ctx), 400);
        }
    }

    /// <summary>
    /// The search itself is shown as chips and kept as it was found; only a search started here without one
    /// (no state) gets a field for the search page's address.
    /// </summary>
    private static string EditForm(HttpContext ctx, string action, string name, string state, AlertInterval interval, string? error) =>
        Html.Error(error) + Html.Form(ctx, action,
            $"""<label>Naam <input type="text" name="name" required maxlength="{SavedSearchStore.MaxNameLength}" value="{Html.E(name)}"></label>"""
            + (state.Trim('?').Length > 0
                ? $"""<p>Zoekopdracht:</p>{StateChips.Render(state)}<input type="hidden" name="state" value="{Html.E(state)}"><p class="hint">Iets anders zoeken? <a href="/?{Html.E(state.TrimStart('?'))}">Pas de zoekopdracht aan op de zoekpagina</a> en bewaar hem daar opnieuw.</p>"""
                : $"""<p class="hint">Het makkelijkst: zoek op de <a href="/">zoekpagina</a> en kies bij de resultaten “Bewaar deze zoekopdracht”.</p><label>Zoekadres (of het deel na het vraagteken) <input type="text" name="state" maxlength="{SavedSearchStore.MaxStateLength}" value=""></label>""")
            + Html.IntervalSelect(interval), "Opslaan");

    private static IResult NotFound(HttpContext ctx) => Html.Page("Niet gevonden", "<p>Deze zoekopdracht bestaat niet.</p>", Auth.Current(ctx), 404);
}

using SearchKamer.Dossiers;
using SearchKamer.Host.Services;
using SearchKamer.Indexing;
using SearchKamer.SavedSearches;
using SearchKamer.Search;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>The JSON API for saved searches, follows, alerts and alert channels; Bearer token only, scoped to its owner.</summary>
public static class SavedSearchApi
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").RequireToken().WithTags("Zoekopdrachten en meldingen");

        api.MapGet("/account", (HttpContext ctx, FeedKeys keys, Links links) => Results.Ok(AccountView.Of(Auth.Current(ctx), FeedUrls.Mine(keys, links, Auth.Current(ctx).Id))))
            .WithName("Account").WithSummary("Het account van de token").Produces<AccountView>();
        api.MapPut("/account/kanalen", async (HttpContext ctx, System.Text.Json.JsonElement input, Users users, WebhookTargets targets, FeedKeys keys, Links links) =>
            await GuardAsync(ctx, async () =>
            {
                var change = ChannelsInput.Read(input);
                var user = await users.UpdateChannelsAsync(Auth.Current(ctx).Id, change.WebhookUrl, change.EmailAlerts, targets, ctx.RequestAborted,
                    keepWebhook: !change.NamesWebhook);
                return Results.Ok(AccountView.Of(user, FeedUrls.Mine(keys, links, user.Id), showSecret: true));
            }))
            .WithName("SetChannels").WithSummary("Webhook (één per gebruiker, alleen openbare adressen) en e-mail instellen; alleen wat de body noemt verandert (webhookUrl null: webhook weg); een nieuwe webhook krijgt een nieuw geheim")
            .Accepts<ChannelsInput>("application/json").Produces<AccountView>();
        api.MapPost("/account/feedsleutel", (HttpContext ctx, FeedKeys keys, Links links) =>
            Results.Ok(new FeedView(FeedUrls.Mine(keys, links, Auth.Current(ctx).Id, renew: true))))
            .WithName("RenewMyFeedKey").WithSummary("Nieuw adres voor de feed van mijn meldingen; het oude werkt niet meer").Produces<FeedView>();

        api.MapGet("/zoekopdrachten", (HttpContext ctx, SavedSearchStore store, SavedSearchRunner runner, SavedSearchLimits limits, SearchGate gate, FeedKeys keys, Links links) =>
        {
            var user = Auth.Current(ctx).Id;
            return store.List(user).Select((s, i) => SavedSearchView.Of(s, i < limits.CountedInList ? gate.Run(() => runner.NewSinceVisit(s)) : null,
                FeedUrls.Search(keys, links, user, s.Id), links)).ToList();
        }).WithName("SavedSearches").WithSummary("Mijn zoekopdrachten; de eerste (CountedInList) met het aantal nieuwe documenten sinds het laatste bezoek");
        api.MapPost("/zoekopdrachten", (HttpContext ctx, SavedSearchInput input, SavedSearchStore store, SavedSearchRunner runner, FeedKeys keys, Links links) => Guard(ctx, () =>
        {
            var saved = store.Create(Auth.Current(ctx).Id, Required(input.Name, "name"), Checked(Required(input.State, "state"), runner), Intervals.Parse(input.Interval ?? "daily"));
            return Results.Created($"/api/zoekopdrachten/{saved.Id}", SavedSearchView.Of(saved, 0, FeedUrls.Search(keys, links, saved.UserId, saved.Id), links));
        })).WithName("CreateSavedSearch").WithSummary("Een zoekopdracht bewaren (ten hoogste MaxSavedSearches)").Produces<SavedSearchView>(201);
        api.MapGet("/zoekopdrachten/{id:long}", (long id, HttpContext ctx, SavedSearchStore store, SavedSearchRunner runner, FeedKeys keys, Links links) =>
            store.Get(Auth.Current(ctx).Id, id) is { } s ? Results.Ok(SavedSearchView.Of(s, runner.NewSinceVisit(s), FeedUrls.Search(keys, links, s.UserId, s.Id), links)) : NotFound())
            .Gated().WithName("SavedSearch").Produces<SavedSearchView>();
        api.MapPut("/zoekopdrachten/{id:long}", (long id, HttpContext ctx, SavedSearchInput input, SavedSearchStore store, SavedSearchRunner runner, FeedKeys keys, Links links) => Guard(ctx, () =>
            store.Update(Auth.Current(ctx).Id, id, Required(input.Name, "name"), Checked(Required(input.State, "state"), runner), Intervals.Parse(input.Interval ?? "daily")) is { } s
                ? Results.Ok(SavedSearchView.Of(s, runner.NewSinceVisit(s), FeedUrls.Search(keys, links, s.UserId, s.Id), links)) : NotFound()))
            .Gated().WithName("UpdateSavedSearch").Produces<SavedSearchView>();
        api.MapDelete("/zoekopdrachten/{id:long}", (long id, HttpContext ctx, SavedSearchStore store) =>
            store.Delete(Auth.Current(ctx).Id, id) ? Results.NoContent() : NotFound())
            .WithName("DeleteSavedSearch");
        api.MapPost("/zoekopdrachten/{id:long}/feedsleutel", (long id, HttpContext ctx, FeedKeys keys, Links links) =>
            keys.RenewSearch(Auth.Current(ctx).Id, id) is { } key ? Results.Ok(new FeedView(FeedUrls.SearchUrl(links, id, key))) : NotFound())
            .WithName("RenewSavedSearchFeedKey").WithSummary("Nieuw feedadres voor deze zoekopdracht; het oude werkt niet meer").Produces<FeedView>();
        api.MapGet("/zoekopdrachten/{id:long}/resultaten", (long id, int? page, HttpContext ctx, SavedSearchStore store, SavedSearchRunner runner, DossierReader dossiers, TimeProvider clock) => Guard(ctx, () =>
            store.Visit(Auth.Current(ctx).Id, id) is { } s ? Results.Json(DossierStates.Fill(runner.Run(s, page ?? 1), dossiers, DateOnly.FromDateTime(clock.GetLocalNow().Date)), StoredJson.Options) : NotFound()))
            .Gated().WithName("RunSavedSearch").WithSummary("De zoekopdracht uitvoeren (telt als bezoek)").Produces<SearchResponse>();

        api.MapGet("/volgen", (HttpContext ctx, Follows follows) => follows.List(Auth.Current(ctx).Id))
            .WithName("Follows").WithSummary("Gevolgde vragen");
        api.MapPost("/volgen", (HttpContext ctx, FollowInput input, FollowService service) => Guard(ctx, () =>
            Results.Ok(service.Follow(Auth.Current(ctx).Id, input.Zaak, input.Document))))
            .WithName("Follow").WithSummary("Volg deze vragen: melding bij antwoord, uitstel of intrekking (ten hoogste FollowsPerMinute per minuut)").Produces<IReadOnlyList<Follow>>();
        api.MapDelete("/volgen/{id:long}", (long id, HttpContext ctx, Follows follows) =>
            follows.Delete(Auth.Current(ctx).Id, id) ? Results.NoContent() : NotFound())
            .WithName("Unfollow");

        api.MapGet("/meldingen", (HttpContext ctx, AlertStore alerts) =>
        {
            var user = Auth.Current(ctx);
            return alerts.ForUser(user.Id).Select(a => new AlertView(a, alerts.DeliveriesOf(user.Id, a.Id).Select(DeliveryView.Of).ToList())).ToList();
        }).WithName("Alerts").WithSummary("Mijn meldingen met hun bezorgstatus per kanaal (gepland, verzonden, mislukt of afgewezen)");
    }

    private static string Required(string? value, string field) =>
        value ?? throw new SearchRequestException(field, $"{field} ontbreekt (verplicht veld)");

    /// <summary>A state that does not read as a search is refused when saved, not discovered by the alert service later.</summary>
    private static string Checked(string state, SavedSearchRunner runner)
    {
        runner.Request(state);
        return state;
    }

    private static IResult Guard(HttpContext ctx, Func<IResult> action) => GuardAsync(ctx, () => Task.FromResult(action())).GetAwaiter().GetResult();

    private static async Task<IResult> GuardAsync(HttpContext ctx, Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (SearchRequestException e)
        {
            return Results.Json(new ProblemDetailsBody("Ongeldige parameter", 400, e.Message, e.Parameter), statusCode: 400);
        }
        catch (UserException e)
        {
            return Results.Json(new ProblemDetailsBody("Ongeldige invoer", 400, e.Message, null), statusCode: 400);
        }
        catch (WebhookRefusedException)
        {
            return Results.Json(new ProblemDetailsBody("Webhook afgewezen", 400, WebhookRefusedException.UserMessage, "webhookUrl"), statusCode: 400);
        }
        catch (LimitException e) when (e.RetryAfter is { } after)
        {
            return RateLimits.TooMany(ctx, after, e.Message);
        }
        catch (LimitException e)
        {
            return Results.Json(new ProblemDetailsBody("Limiet bereikt", 400, e.Message, null), statusCode: 400);
        }
    }

    private static IResult NotFound() => Results.Json(new ProblemDetailsBody("Niet gevonden", 404, "bestaat niet", null), statusCode: 404);
}

/// <summary>A partial update: a field left out stays as it is; <c>"webhookUrl": null</c> removes the webhook.</summary>
/// <param name="NamesWebhook">Whether the body named webhookUrl (not in JSON; read from the body).</param>
public sealed record ChannelsInput(string? WebhookUrl, bool? EmailAlerts, [property: System.Text.Json.Serialization.JsonIgnore] bool NamesWebhook = false)
{
    public static ChannelsInput Read(System.Text.Json.JsonElement body)
    {
        if (body.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw new SearchRequestException("body", "de body moet een JSON-object zijn, bijv. {\"emailAlerts\": false}");
        }

        string? url = null;
        bool? email = null;
        var namesWebhook = false;
        foreach (var p in body.EnumerateObject())
        {
            if (p.NameEquals("webhookUrl") || string.Equals(p.Name, "webhookUrl", StringComparison.OrdinalIgnoreCase))
            {
                namesWebhook = true;
                url = p.Value.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.String => p.Value.GetString(),
                    System.Text.Json.JsonValueKind.Null => null,
                    _ => throw new SearchRequestException("webhookUrl", "webhookUrl moet een adres (tekst) of null zijn"),
                };
            }
            else if (string.Equals(p.Name, "emailAlerts", StringComparison.OrdinalIgnoreCase))
            {
                email = p.Value.ValueKind switch
                {
                    System.Text.Json.JsonValueKind.True => true,
                    System.Text.Json.JsonValueKind.False => false,
                    _ => throw new SearchRequestException("emailAlerts", "emailAlerts moet true of false zijn"),
                };
            }
        }

        return new ChannelsInput(url, email, namesWebhook);
    }
}

/// <param name="Name">Required.</param>
/// <param name="State">Required: the search page's query string, e.g. <c>q=stikstof&amp;partij=CDA</c>.</param>
/// <param name="Interval">direct, per uur, dagelijks or wekelijks (or live, hourly, daily, weekly); default daily.</param>
public sealed record SavedSearchInput(string? Name, string? State, string? Interval = "daily");

/// <summary>Either a zaak number or the key of a question set.</summary>
public sealed record FollowInput(string? Zaak, string? Document);

/// <param name="Feed">The private feed of my alerts: a read-only address with its own key.</param>
/// <param name="Confirmed">Whether the address is confirmed; e-mail alerts go only to a confirmed address.</param>
public sealed record AccountView(string Email, string? WebhookUrl, string? WebhookSecret, bool EmailAlerts, bool Confirmed, string Feed)
{
    // The secret is shown when it is set, as with the token; later reads leave it out.
    public static AccountView Of(User u, string feed, bool showSecret = false) =>
        new(u.Email, u.WebhookUrl, showSecret ? u.WebhookSecret : null, u.EmailAlerts, u.Confirmed, feed);
}

/// <param name="NewSinceVisit">Null when the search no longer reads, or when a list did not count it.</param>
/// <param name="Feed">The search's Atom feed: a read-only address with its own key.</param>
/// <param name="Results">The results page of the search in the browser.</param>
public sealed record SavedSearchView(long Id, string Name, string State, string Interval, DateTimeOffset CreatedAt, DateTimeOffset LastVisit, int? NewSinceVisit, string Feed,
    string Results)
{
    public static SavedSearchView Of(SavedSearch s, int? fresh, string feed, Links links) =>
        new(s.Id, s.Name, s.State, Intervals.Name(s.Interval), s.CreatedAt, s.LastVisit, fresh, feed, links.Results(s.State).ToString());
}

public sealed record FeedView(string Feed);

public sealed record AlertView(Alert Alert, IReadOnlyList<DeliveryView> Deliveries);

/// <param name="Status">gepland, verzonden, mislukt or afgewezen: never the other side's error text or address.</param>
/// <param name="HttpStatus">The webhook's last answer when it was not 2xx (a redirect counts as not delivered).</param>
public sealed record DeliveryView(string Channel, string Status, int Attempts, DateTimeOffset? NextAttemptAt, int? HttpStatus)
{
    public static DeliveryView Of(Delivery d) =>
        new(d.Channel, StatusOf(d), d.Attempts, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, HttpStatusOf(d));

    public static int? HttpStatusOf(Delivery d) =>
        d.LastError is { } e && e.StartsWith("HTTP ", StringComparison.Ordinal) && int.TryParse(e.AsSpan(5), out var status) ? status : null;

    public static string StatusOf(Delivery d) => d.Status switch
    {
        DeliveryStatus.Sent => "verzonden",
        _ when d.LastError == AlertDispatcher.Refused => AlertDispatcher.Refused,
        DeliveryStatus.Failed => AlertDispatcher.Failed,
        _ when d.Attempts > 0 => AlertDispatcher.Failed,
        _ => "gepland",
    };
}

/// <summary>Feed addresses with their keys: /feed/mijn?sleutel=… and /feed/zoekopdracht/{id}?sleutel=….</summary>
public static class FeedUrls
{
    public static string Mine(FeedKeys keys, Links links, long userId, bool renew = false) =>
        links.Path("/feed/mijn?sleutel=" + Uri.EscapeDataString(renew ? keys.RenewUser(userId) : keys.ForUser(userId))).ToString();

    public static string Search(FeedKeys keys, Links links, long userId, long searchId) =>
        SearchUrl(links, searchId, keys.ForSearch(userId, searchId) ?? throw new InvalidOperationException("not the user's search"));

    public static string SearchUrl(Links links, long searchId, string key) =>
        links.Path($"/feed/zoekopdracht/{searchId}?sleutel={Uri.EscapeDataString(key)}").ToString();
}

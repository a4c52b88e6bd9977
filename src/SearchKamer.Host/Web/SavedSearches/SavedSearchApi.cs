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

        api.MapGet("/account", (HttpContext ctx) => Results.Ok(AccountView.Of(Auth.Current(ctx))))
            .WithName("Account").WithSummary("Het account van de token").Produces<AccountView>();
        api.MapPut("/account/kanalen", (HttpContext ctx, ChannelsInput input, Users users) =>
            Guard(() => Results.Ok(AccountView.Of(users.UpdateChannels(Auth.Current(ctx).Id, input.WebhookUrl, input.EmailAlerts), showSecret: true))))
            .WithName("SetChannels").WithSummary("Webhook en e-mail instellen; een nieuwe webhook krijgt een nieuw geheim").Produces<AccountView>();

        api.MapGet("/zoekopdrachten", (HttpContext ctx, SavedSearchStore store, SavedSearchRunner runner) =>
            store.List(Auth.Current(ctx).Id).Select(s => SavedSearchView.Of(s, runner.NewSinceVisit(s))).ToList())
            .WithName("SavedSearches").WithSummary("Mijn zoekopdrachten, met het aantal nieuwe documenten sinds het laatste bezoek");
        api.MapPost("/zoekopdrachten", (HttpContext ctx, SavedSearchInput input, SavedSearchStore store, SavedSearchRunner runner) => Guard(() =>
        {
            var saved = store.Create(Auth.Current(ctx).Id, input.Name, Checked(input.State, runner), Intervals.Parse(input.Interval));
            return Results.Created($"/api/zoekopdrachten/{saved.Id}", SavedSearchView.Of(saved, 0));
        })).WithName("CreateSavedSearch").WithSummary("Een zoekopdracht bewaren").Produces<SavedSearchView>(201);
        api.MapGet("/zoekopdrachten/{id:long}", (long id, HttpContext ctx, SavedSearchStore store, SavedSearchRunner runner) =>
            store.Get(Auth.Current(ctx).Id, id) is { } s ? Results.Ok(SavedSearchView.Of(s, runner.NewSinceVisit(s))) : NotFound())
            .WithName("SavedSearch").Produces<SavedSearchView>();
        api.MapPut("/zoekopdrachten/{id:long}", (long id, HttpContext ctx, SavedSearchInput input, SavedSearchStore store, SavedSearchRunner runner) => Guard(() =>
            store.Update(Auth.Current(ctx).Id, id, input.Name, Checked(input.State, runner), Intervals.Parse(input.Interval)) is { } s
                ? Results.Ok(SavedSearchView.Of(s, runner.NewSinceVisit(s))) : NotFound()))
            .WithName("UpdateSavedSearch").Produces<SavedSearchView>();
        api.MapDelete("/zoekopdrachten/{id:long}", (long id, HttpContext ctx, SavedSearchStore store) =>
            store.Delete(Auth.Current(ctx).Id, id) ? Results.NoContent() : NotFound())
            .WithName("DeleteSavedSearch");
        api.MapGet("/zoekopdrachten/{id:long}/resultaten", (long id, int? page, HttpContext ctx, SavedSearchStore store, SavedSearchRunner runner) => Guard(() =>
            store.Visit(Auth.Current(ctx).Id, id) is { } s ? Results.Json(runner.Run(s, page ?? 1), StoredJson.Options) : NotFound()))
            .Gated().WithName("RunSavedSearch").WithSummary("De zoekopdracht uitvoeren (telt als bezoek)").Produces<SearchResponse>();

        api.MapGet("/volgen", (HttpContext ctx, Follows follows) => follows.List(Auth.Current(ctx).Id))
            .WithName("Follows").WithSummary("Gevolgde vragen");
        api.MapPost("/volgen", (HttpContext ctx, FollowInput input, FollowService service) => Guard(() =>
            Results.Ok(service.Follow(Auth.Current(ctx).Id, input.Zaak, input.Document))))
            .WithName("Follow").WithSummary("Volg deze vragen: melding bij antwoord, uitstel of intrekking").Produces<IReadOnlyList<Follow>>();
        api.MapDelete("/volgen/{id:long}", (long id, HttpContext ctx, Follows follows) =>
            follows.Delete(Auth.Current(ctx).Id, id) ? Results.NoContent() : NotFound())
            .WithName("Unfollow");

        api.MapGet("/meldingen", (HttpContext ctx, AlertStore alerts) =>
        {
            var user = Auth.Current(ctx);
            return alerts.ForUser(user.Id).Select(a => new AlertView(a, alerts.DeliveriesOf(user.Id, a.Id))).ToList();
        }).WithName("Alerts").WithSummary("Mijn meldingen met hun bezorgstatus per kanaal");
    }

    /// <summary>A state that does not read as a search is refused when saved, not discovered by the alert service later.</summary>
    private static string Checked(string state, SavedSearchRunner runner)
    {
        runner.Request(state);
        return state;
    }

    private static IResult Guard(Func<IResult> action)
    {
        try
        {
            return ApiEndpoints.Guard(action);
        }
        catch (UserException e)
        {
            return Results.Json(new ProblemDetailsBody("Ongeldige invoer", 400, e.Message, null), statusCode: 400);
        }
    }

    private static IResult NotFound() => Results.Json(new ProblemDetailsBody("Niet gevonden", 404, "bestaat niet", null), statusCode: 404);
}

public sealed record ChannelsInput(string? WebhookUrl, bool EmailAlerts = true);

/// <param name="State">The search page's query string, e.g. <c>q=stikstof&amp;partij=CDA</c>.</param>
/// <param name="Interval">live, hourly, daily or weekly.</param>
public sealed record SavedSearchInput(string Name, string State, string Interval = "daily");

/// <summary>Either a zaak number or the key of a question set.</summary>
public sealed record FollowInput(string? Zaak, string? Document);

public sealed record AccountView(string Email, string? WebhookUrl, string? WebhookSecret, bool EmailAlerts)
{
    // The secret is shown when it is set, as with the token; later reads leave it out.
    public static AccountView Of(User u, bool showSecret = false) => new(u.Email, u.WebhookUrl, showSecret ? u.WebhookSecret : null, u.EmailAlerts);
}

public sealed record SavedSearchView(long Id, string Name, string State, string Interval, DateTimeOffset CreatedAt, DateTimeOffset LastVisit, int? NewSinceVisit)
{
    public static SavedSearchView Of(SavedSearch s, int? fresh) => new(s.Id, s.Name, s.State, Intervals.Name(s.Interval), s.CreatedAt, s.LastVisit, fresh);
}

public sealed record AlertView(Alert Alert, IReadOnlyList<Delivery> Deliveries);

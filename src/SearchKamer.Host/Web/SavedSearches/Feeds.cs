using System.ServiceModel.Syndication;
using System.Xml;
using SearchKamer.SavedSearches;
using SearchKamer.Search;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>
/// Atom feeds: /feed?&lt;search parameters&gt; for anyone, /feed/zoekopdracht/{id}?sleutel=… and
/// /feed/mijn?sleutel=… (everything the user was alerted about) with that feed's own read-only key, never
/// the personal token; /feed/dossier/{zaak} for anyone. Newest first; each entry has the snippet, the document link and the date.
/// </summary>
public static class Feeds
{
    private const int Size = 20;

    public static void Map(WebApplication app)
    {
        app.MapGet("/feed", (HttpRequest request, SearchEngine engine, Links links) => ApiEndpoints.Guard(() =>
        {
            var response = engine.Search(SearchParameters.Parse(request.Query) with { Page = 1, Size = Size, Sort = SortOrder.Newest });
            var title = request.Query["q"].LastOrDefault() is { Length: > 0 } q ? $"SearchKamer: {q}" : "SearchKamer";
            return Atom(Feed(title, links.Path("/feed" + request.QueryString), links.Results(request.QueryString.Value ?? ""), FromHits(response, links)));
        })).Gated().WithName("Feed").WithSummary("Atom-feed van een zoekopdracht (openbaar), nieuwste eerst").WithTags("Feeds");

        app.MapGet("/feed/zoekopdracht/{id:long}", (long id, HttpContext ctx, FeedKeys keys, FailedTokenChecks checks, SavedSearchStore store, SavedSearchRunner runner, Links links) =>
        {
            var (owner, refusal) = Owner(ctx, checks, key => keys.OwnerOfSearch(id, key));
            if (owner is null)
            {
                return refusal ?? Unauthorized();
            }

            if (store.Get(owner.Value, id) is not { } search)
            {
                return Results.NotFound();
            }

            return ApiEndpoints.Guard(() => Atom(Feed($"SearchKamer: {search.Name}", SelfWithKey(ctx, links), links.Results(search.State),
                FromHits(runner.Run(search, size: Size, sort: SortOrder.Newest), links))));
        }).Gated().WithName("SavedSearchFeed").WithSummary("Atom-feed van een bewaarde zoekopdracht (met de eigen sleutel van die feed)").WithTags("Feeds");

        app.MapGet("/feed/dossier/{**zaak}", (string zaak, SearchKamer.Dossiers.DossierReader dossiers, TimeProvider clock, Links links) =>
            ApiEndpoints.Guard(() => Dossier(zaak, dossiers, clock, links)))
            .Gated().WithName("DossierFeed").WithSummary("Atom-feed van alle documenten van één zaak (openbaar), nieuwste eerst").WithTags("Feeds");

        app.MapGet("/feed/mijn", (HttpContext ctx, FeedKeys keys, FailedTokenChecks checks, AlertStore alerts, Links links) =>
        {
            var (user, refusal) = Owner(ctx, checks, keys.UserOf);
            if (user is null)
            {
                return refusal ?? Unauthorized();
            }

            var items = alerts.ForUser(user.Value, 50).Select(a => Item(a.DocumentKey, a.Subject, a.SnippetHtml, a.DocumentDate, a.CreatedAt, links));
            return Atom(Feed("SearchKamer: mijn meldingen", SelfWithKey(ctx, links), links.Path("/mijn/meldingen"), items));
        }).WithName("MyFeed").WithSummary("Atom-feed van alles waarover ik een melding kreeg (met de eigen sleutel van die feed)").WithTags("Feeds");
    }

    /// <summary>Where a document page's dossier feed lives; null for a dossier under a document id (no zaak to name).</summary>
    public static string? DossierHref(string zaak) =>
        SearchKamer.Dossiers.DossierReader.Normalise(zaak) is { } z ? "/feed/dossier/" + Uri.EscapeDataString(z) : null;

    /// <summary>Every indexed document of one zaak (all public), newest first; the entry says what kind of document it is.</summary>
    private static IResult Dossier(string zaak, SearchKamer.Dossiers.DossierReader dossiers, TimeProvider clock, Links links)
    {
        var shown = zaak.Length <= 60 ? zaak : zaak[..60] + "…";
        if (DossierHref(zaak) is not { } self)
        {
            return Results.Json(new ProblemDetailsBody("Ongeldige parameter", 400, $"'zaak' moet een zaaknummer zijn zoals 2024Z18792, niet \"{shown}\"", "zaak"), statusCode: 400);
        }

        if (dossiers.Get(zaak, DossierEndpoints.Today(clock)) is not { } dossier)
        {
            return Results.Json(new ProblemDetailsBody("Niet gevonden", 404, $"geen documenten met zaak \"{shown}\" in de index", "zaak"), statusCode: 404);
        }

        var items = dossier.Members.Reverse().Select(m => Item(m.Key, m.Title, Html.E(Pages.Html.KindLabel(m.Kind)), m.Date, null, links));
        var page = links.Document(dossier.QuestionSetKey ?? dossier.AnswerKey ?? dossier.Members[0].Key);
        return Atom(Feed($"SearchKamer: dossier {dossier.Zaak}", links.Path(self), page, items));
    }

    /// <summary>The user a feed key opens; a wrong key counts as a failed token check, and too many refuse checking at all.</summary>
    private static (long? Owner, IResult? Refusal) Owner(HttpContext ctx, FailedTokenChecks checks, Func<string?, long?> lookup)
    {
        if (checks.Refusal(ctx) is { } refusal)
        {
            return (null, refusal);
        }

        var key = ctx.Request.Query["sleutel"].LastOrDefault();
        var owner = lookup(key);
        if (owner is null && !string.IsNullOrEmpty(key))
        {
            checks.Failed(ctx);
        }

        return (owner, null);
    }

    private static IEnumerable<SyndicationItem> FromHits(SearchResponse response, Links links) =>
        response.Documents.Select(d =>
        {
            var q = d.Questions.FirstOrDefault();
            var snippet = q is null ? "" : q.Answer?.Contains("<mark>", StringComparison.Ordinal) == true ? q.Answer : q.Question;
            return Item(d.Id, d.Title, snippet, d.DateReceived ?? d.DateSubmitted, null, links);
        });

    private static SyndicationItem Item(string key, string? subject, string snippetHtml, DateOnly? date, DateTimeOffset? alerted, Links links)
    {
        var link = links.Document(key);
        var updated = date is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : alerted ?? DateTimeOffset.UnixEpoch;
        return new SyndicationItem(subject ?? "Kamervragen", new TextSyndicationContent(snippetHtml, TextSyndicationContentKind.Html), link, link.ToString(), alerted ?? updated)
        {
            PublishDate = updated,
        };
    }

    /// <summary>The feed's own public address, key included: what a reader subscribed to.</summary>
    private static Uri SelfWithKey(HttpContext ctx, Links links) =>
        links.Path(ctx.Request.Path + "?sleutel=" + Uri.EscapeDataString(ctx.Request.Query["sleutel"].LastOrDefault() ?? ""));

    /// <param name="self">The feed's own address (rel="self").</param>
    /// <param name="page">The page a person reads the same list on (rel="alternate").</param>
    private static SyndicationFeed Feed(string title, Uri self, Uri page, IEnumerable<SyndicationItem> items)
    {
        var list = items.ToList();
        var feed = new SyndicationFeed(title, null, page, self.ToString(), list.Count > 0 ? list.Max(i => i.LastUpdatedTime) : DateTimeOffset.UnixEpoch, list);
        feed.Links.Add(new SyndicationLink(self, "self", null, "application/atom+xml", 0));
        return feed;
    }

    private static IResult Atom(SyndicationFeed feed)
    {
        using var text = new MemoryStream();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return Results.Bytes(text.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static IResult Unauthorized() =>
        Results.Json(new ProblemDetailsBody("Niet aangemeld", 401, "gebruik het feedadres met sleutel van /mijn/zoekopdrachten of /api/account", null), statusCode: 401);
}

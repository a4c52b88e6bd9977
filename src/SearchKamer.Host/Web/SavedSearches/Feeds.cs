using System.ServiceModel.Syndication;
using System.Xml;
using SearchKamer.SavedSearches;
using SearchKamer.Search;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>
/// Atom feeds: /feed?&lt;search parameters&gt; for anyone, /feed/zoekopdracht/{id} and /feed/mijn
/// (everything the user was alerted about) with the personal token. Newest first; each entry has
/// the snippet, the document link and the date.
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
            return Atom(Feed(title, links.Path("/feed" + request.QueryString), FromHits(response, links)));
        })).Gated().WithName("Feed").WithSummary("Atom-feed van een zoekopdracht (openbaar), nieuwste eerst").WithTags("Feeds");

        app.MapGet("/feed/zoekopdracht/{id:long}", (long id, HttpContext ctx, Users users, SavedSearchStore store, SavedSearchRunner runner, Links links) =>
        {
            if (Auth.ForFeed(ctx, users) is not { } user)
            {
                return Unauthorized();
            }

            if (store.Get(user.Id, id) is not { } search)
            {
                return Results.NotFound();
            }

            return ApiEndpoints.Guard(() => Atom(Feed($"SearchKamer: {search.Name}", links.Path($"/mijn/zoekopdrachten/{id}/uitvoeren"),
                FromHits(runner.Run(search, size: Size, sort: SortOrder.Newest), links))));
        }).Gated().WithName("SavedSearchFeed").WithSummary("Atom-feed van een bewaarde zoekopdracht (token vereist)").WithTags("Feeds");

        app.MapGet("/feed/mijn", (HttpContext ctx, Users users, AlertStore alerts, Links links) =>
        {
            if (Auth.ForFeed(ctx, users) is not { } user)
            {
                return Unauthorized();
            }

            var items = alerts.ForUser(user.Id, 50).Select(a => Item(a.DocumentKey, a.Subject, a.SnippetHtml, a.DocumentDate, a.CreatedAt, links));
            return Atom(Feed("SearchKamer: mijn meldingen", links.Path("/mijn/meldingen"), items));
        }).WithName("MyFeed").WithSummary("Atom-feed van alles waarover ik een melding kreeg (token vereist)").WithTags("Feeds");
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

    private static SyndicationFeed Feed(string title, Uri self, IEnumerable<SyndicationItem> items)
    {
        var list = items.ToList();
        var feed = new SyndicationFeed(title, null, self, self.ToString(), list.Count > 0 ? list.Max(i => i.LastUpdatedTime) : DateTimeOffset.UnixEpoch, list);
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
        Results.Json(new ProblemDetailsBody("Niet aangemeld", 401, "voeg ?token=<uw persoonlijke token> toe aan het feedadres", null), statusCode: 401);
}

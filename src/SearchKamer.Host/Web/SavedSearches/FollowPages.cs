using System.Globalization;
using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>/mijn/volgen (follows, one-click follow from a result) and /mijn/meldingen (alerts with their delivery state).</summary>
public static class FollowPages
{
    public static void Map(WebApplication app)
    {
        var mine = app.MapGroup("/mijn").RequireSession();

        mine.MapGet("/volgen", (HttpContext ctx, Follows follows) => Page(ctx, follows, null, 200));

        mine.MapPost("/volgen", (HttpContext ctx, IFormCollection form, FollowService service, Follows follows) =>
        {
            try
            {
                service.Follow(Auth.Current(ctx).Id, form["zaak"].ToString(), form["document"].ToString());
                return Results.Redirect(Back(form));
            }
            catch (UserException e)
            {
                return Page(ctx, follows, e.Message, 400);
            }
            catch (LimitException e)
            {
                ctx.Response.Headers.RetryAfter = ((int)Math.Ceiling((e.RetryAfter ?? TimeSpan.Zero).TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Page(ctx, follows, e.Message, e.RetryAfter is null ? 400 : 429);
            }
        });

        // The document page's "Niet meer volgen": every zaak of that document, back to the page.
        mine.MapPost("/volgen/document", (HttpContext ctx, IFormCollection form, FollowService service) =>
        {
            service.Unfollow(Auth.Current(ctx).Id, form["document"].ToString());
            return Results.Redirect(Back(form));
        });

        mine.MapPost("/volgen/{id:long}/verwijderen", (long id, HttpContext ctx, IFormCollection _, Follows follows) =>
            follows.Delete(Auth.Current(ctx).Id, id)
                ? Results.Redirect("/mijn/volgen")
                : Html.Page("Niet gevonden", "<p>Dit volgt u niet.</p>", Auth.Current(ctx), 404));

        mine.MapGet("/meldingen", (HttpContext ctx, AlertStore alerts) =>
        {
            var user = Auth.Current(ctx);
            var rows = alerts.ForUser(user.Id).Select(a =>
                $"""<li><a href="/document/{Uri.EscapeDataString(a.DocumentKey)}">{Html.E(a.Subject ?? "Kamervragen")}</a> ({Html.E(a.Kind)}) – {Html.E(a.Reason)}<br>{a.SnippetHtml}<br><small>"""
                + string.Join(", ", alerts.DeliveriesOf(user.Id, a.Id).Select(d => Html.E($"{d.Channel}: {Status(d)}")))
                + "</small></li>").ToList();
            var body = (rows.Count == 0 ? "<p>Nog geen meldingen.</p>" : $"<ul>{string.Concat(rows)}</ul>")
                + """<p><a href="/mijn/instellingen">Kanalen instellen (e-mail, webhook)</a></p>""";
            return Html.Page("Mijn meldingen", body, user);
        });
    }

    /// <summary>Back to the document page the form was on; anything else goes to the list of follows.</summary>
    private static string Back(IFormCollection form) =>
        Auth.LocalPath(form["terug"].ToString()) is { } back && back.StartsWith("/document/", StringComparison.Ordinal) ? back : "/mijn/volgen";

    // Never the other side's error text: it could name inside addresses and ports.
    internal static string Status(Delivery d) => Words(d) + (DeliveryView.HttpStatusOf(d) is { } http ? $"; de webhook antwoordde HTTP {http}" : "");

    private static string Words(Delivery d) => DeliveryView.StatusOf(d) switch
    {
        "gepland" => $"gepland om {d.NextAttemptAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC",
        var s when d.Status == DeliveryStatus.Pending => $"{s}, nieuwe poging om {d.NextAttemptAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC",
        var s when d.Status == DeliveryStatus.Failed => $"{s} (opgegeven na {d.Attempts} pogingen)",
        var s => s,
    };

    private static IResult Page(HttpContext ctx, Follows follows, string? error, int status)
    {
        var rows = follows.List(Auth.Current(ctx).Id).Select(f =>
            $"<li>{Html.E(f.Label)} " + Html.Form(ctx, $"/mijn/volgen/{f.Id}/verwijderen", "", "Niet meer volgen") + "</li>").ToList();
        var body = Html.Error(error)
            + (rows.Count == 0 ? "<p>U volgt nog geen vragen.</p>" : $"<ul>{string.Concat(rows)}</ul>")
            + Html.Form(ctx, "/mijn/volgen", """<label>Zaaknummer <input name="zaak" required pattern="[0-9]{4}[Zz][0-9]{5}" placeholder="2025Z01234"></label>""", "Volgen");
        return Html.Page("Gevolgde vragen", body, Auth.Current(ctx), status);
    }
}

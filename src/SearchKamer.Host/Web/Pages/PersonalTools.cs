using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using SearchKamer.Domain;
using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Web.Pages;

/// <summary>
/// The document page's follow control, registered by the personal features; a delegate keeps the page free
/// of the account code, and a host without them shows no button.
/// </summary>
/// <param name="Render">(request, document id, document, whether its dossier holds an answer) → the control's HTML, or "" when the document cannot be followed.</param>
public sealed record DocumentFollow(Func<HttpContext, string, KamervraagDocument, bool, string> Render);

/// <summary>A results page's "Bewaar deze zoekopdracht" and the Atom feed of the same search.</summary>
internal static class PersonalTools
{
    /// <summary>The public feed of a search: its filters and words, always newest first, no paging.</summary>
    public static string FeedHref(SearchUrl url) => "/feed" + url.Results().WithoutAny("sort").ToString().TrimStart('/');

    public static string Render(HttpContext context, SearchUrl url)
    {
        var html = new StringBuilder("<div class=\"personal\">");
        var visitor = context.RequestServices.GetService<SignedInVisitor>();
        var state = url.Results().ToString().TrimStart('/').TrimStart('?');
        if (visitor?.Email(context) is not null)
        {
            html.Append(SaveForm(context, url, state));
        }
        else if (visitor is not null)
        {
            // Signing in leads back to the same form, filled in (Auth.RequireSession remembers the address).
            html.Append("<p class=\"save\"><a class=\"button\" href=\"").Append(Html.E("/mijn/zoekopdrachten/nieuw?" + state))
                .Append("\">Bewaar deze zoekopdracht</a> <span class=\"hint\">(na inloggen; u krijgt dan meldingen van nieuwe documenten)</span></p>");
        }

        return html.Append("<p class=\"feed\"><a href=\"").Append(Html.E(FeedHref(url))).Append("\" type=\"application/atom+xml\">")
            .Append(FeedIcon).Append("Atom-feed van deze zoekopdracht</a></p></div>\n").ToString();
    }

    private static string SaveForm(HttpContext context, SearchUrl url, string state)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var name = url.One("q") ?? url.One("alle") ?? url.One("woordgroep") ?? "Mijn zoekopdracht";
        var intervals = string.Concat(Enum.GetValues<AlertInterval>().Select(i =>
            $"<option value=\"{Intervals.Dutch(i)}\"{(i == AlertInterval.Daily ? " selected" : "")}>{Intervals.Dutch(i)}</option>"));
        return "<form class=\"save\" method=\"post\" action=\"/mijn/zoekopdrachten/nieuw\">"
            + $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">"
            + $"<input type=\"hidden\" name=\"state\" value=\"{Html.E(state)}\">"
            + $"<label>Naam <input type=\"text\" name=\"name\" required maxlength=\"{SavedSearchStore.MaxNameLength}\" value=\"{Html.E(name.Length > 200 ? name[..200] : name)}\"></label>"
            + $"<label>Melden <select name=\"interval\">{intervals}</select></label>"
            + "<button type=\"submit\">Bewaar deze zoekopdracht</button></form>";
    }

    private const string FeedIcon =
        "<svg class=\"icon\" viewBox=\"0 0 16 16\" width=\"16\" height=\"16\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"16\" height=\"16\" rx=\"3\" class=\"bg\"/>"
        + "<circle cx=\"4.5\" cy=\"11.5\" r=\"1.5\" class=\"fg\"/><path d=\"M3 7a6 6 0 0 1 6 6h-2a4 4 0 0 0-4-4z M3 3a10 10 0 0 1 10 10h-2a8 8 0 0 0-8-8z\" class=\"fg\"/></svg>";
}

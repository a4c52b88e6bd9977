using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace SearchKamer.Host.Web.Pages;

/// <summary>
/// Who is signed in on this request, for the header; registered by the personal features (a session cookie),
/// absent in a host without them. A delegate keeps the page frame free of the account code it frames.
/// </summary>
public sealed record SignedInVisitor(Func<HttpContext, string?> Email);

/// <summary>The page frame: head with the stylesheet, a header with the site navigation and search box, main content, footer.</summary>
internal static class Layout
{
    public const string StylesheetPath = "/site.css";

    public const string ScriptPath = "/site.js";

    /// <summary>The id of a results page's filter column, the target of its second skip link.</summary>
    public const string FiltersId = "filters";

    /// <summary>The header's links besides the personal ones: (path, Dutch label).</summary>
    public static readonly (string Path, string Label)[] Navigation = [("/", "Zoeken"), ("/open-vragen", "Open vragen"), ("/statistiek", "Statistiek")];

    /// <param name="title">Plain text; encoded here.</param>
    /// <param name="main">HTML built by the other renderers.</param>
    /// <param name="headerQuery">The query for the small search box in the header; null hides the box (the search page has its own).</param>
    /// <param name="feed">The Atom feed of what the page shows, announced in the head for feed readers.</param>
    /// <returns>A result that renders when it runs, so the header can say who is signed in.</returns>
    /// <param name="feedTitle">What the head's feed link is called, for feed readers; a search's feed unless told.</param>
    public static IResult Page(string title, string main, int status = StatusCodes.Status200OK, string? headerQuery = null, string? feed = null,
        string feedTitle = "Atom-feed van deze zoekopdracht") =>
        new PageResult(title, main, status, headerQuery, feed, feedTitle);

    /// <summary>A short page for 404 and 500: what happened and where to go, never technical detail.</summary>
    public static IResult Message(string title, string message, int status) =>
        Page(title, $"<h1>{Html.E(title)}</h1>\n<p class=\"error\" role=\"alert\">{Html.E(message)}</p>\n<p><a href=\"/\">Naar de zoekpagina</a></p>",
            status, headerQuery: "");

    private sealed class PageResult(string title, string main, int status, string? headerQuery, string? feed, string feedTitle) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) =>
            Results.Content(Render(httpContext), "text/html; charset=utf-8", Encoding.UTF8, status).ExecuteAsync(httpContext);

        private string Render(HttpContext context)
        {
            var html = new StringBuilder(main.Length + 3072);
            html.Append("<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .Append("<title>").Append(Html.E(title)).Append(" – SearchKamer</title>\n")
                .Append("<link rel=\"stylesheet\" href=\"").Append(StylesheetPath).Append("\">\n")
                .Append(feed is null ? "" : $"<link rel=\"alternate\" type=\"application/atom+xml\" title=\"{Html.E(feedTitle)}\" href=\"{Html.E(feed)}\">\n")
                .Append("<script src=\"").Append(ScriptPath).Append("\" defer></script>\n</head>\n<body>\n")
                .Append("<a class=\"skip\" href=\"#inhoud\">Naar de inhoud</a>\n");
            // The filters follow every result in reading order; a keyboard user should not need 80 Tabs to reach them.
            if (main.Contains($"id=\"{FiltersId}\"", StringComparison.Ordinal))
            {
                html.Append("<a class=\"skip\" href=\"#").Append(FiltersId).Append("\">Naar de filters</a>\n");
            }

            html.Append("<header class=\"site\"><div class=\"wrap\">")
                .Append("<a class=\"brand\" href=\"/\">SearchKamer<span> · Kamervragen doorzoeken</span></a>");
            if (headerQuery is not null)
            {
                html.Append("<form class=\"mini\" action=\"/\" method=\"get\" role=\"search\">")
                    .Append("<label for=\"kop-q\" class=\"visually-hidden\">Zoeken</label>")
                    .Append("<input id=\"kop-q\" name=\"q\" type=\"search\" value=\"").Append(Html.E(headerQuery)).Append("\" maxlength=\"1000\">")
                    .Append("<button type=\"submit\">Zoek</button></form>");
            }

            html.Append(Nav(context)).Append("</div></header>\n<main id=\"inhoud\" class=\"wrap\">\n").Append(main).Append("\n</main>\n")
                .Append("<footer class=\"site\"><div class=\"wrap\">SearchKamer doorzoekt schriftelijke Kamervragen en de antwoorden van bewindspersonen. ")
                .Append("Officiële teksten staan op <a href=\"https://zoek.officielebekendmakingen.nl/\">officielebekendmakingen.nl</a>. ")
                .Append("<a href=\"/openapi/v1.json\">JSON API</a></div></footer>\n</body>\n</html>\n");
            return html.ToString();
        }

        /// <summary>Open questions and the other public pages, then sign-in, or the personal pages and sign-out.</summary>
        private static string Nav(HttpContext context)
        {
            var nav = new StringBuilder("<nav class=\"site-nav\" aria-label=\"Hoofdmenu\"><ul>");
            foreach (var (path, label) in Navigation)
            {
                nav.Append("<li><a href=\"").Append(path).Append("\">").Append(Html.E(label)).Append("</a></li>");
            }

            var visitor = context.RequestServices.GetService<SignedInVisitor>();
            if (visitor is null)
            {
                return nav.Append("</ul></nav>").ToString();
            }

            if (visitor.Email(context) is { } email)
            {
                var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
                nav.Append("<li><a href=\"/mijn\" title=\"Aangemeld als ").Append(Html.E(email)).Append("\">Mijn SearchKamer</a></li>")
                    .Append("<li><form method=\"post\" action=\"/uitloggen\"><input type=\"hidden\" name=\"").Append(Html.E(tokens.FormFieldName))
                    .Append("\" value=\"").Append(Html.E(tokens.RequestToken)).Append("\"><button type=\"submit\" class=\"link\">Uitloggen</button></form></li>");
            }
            else
            {
                nav.Append("<li><a href=\"/aanmelden\">Inloggen</a></li>");
            }

            return nav.Append("</ul></nav>").ToString();
        }
    }
}

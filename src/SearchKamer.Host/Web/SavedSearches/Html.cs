using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>
/// Markup helpers for the account pages. Everything that comes from users or documents goes through
/// <see cref="E"/>; snippets are already our own safe HTML.
/// </summary>
internal static class Html
{
    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    /// <summary>The site's own frame (Pages.Layout) with the account navigation above the body.</summary>
    public static IResult Page(string title, string body, User? user, int status = 200) => Pages.Layout.Page(title, $"""
        <nav class="account">{(user is null ? "<a href=\"/aanmelden\">Aanmelden</a>" : $"<a href=\"/mijn\">Overzicht</a> · <a href=\"/mijn/zoekopdrachten\">Zoekopdrachten</a> · <a href=\"/mijn/volgen\">Gevolgd</a> · <a href=\"/mijn/meldingen\">Meldingen</a> · <a href=\"/mijn/instellingen\">Instellingen</a> · {E(user.Email)}")}</nav>
        <h1>{E(title)}</h1>
        {body}
        """, status, headerQuery: "");

    /// <summary>A POST form carrying the antiforgery token the endpoint will check.</summary>
    public static string Form(HttpContext context, string action, string fields, string submit)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"""<form class="account" method="post" action="{E(action)}"><input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">{fields}<button type="submit">{E(submit)}</button></form>""";
    }

    public static string Error(string? message) => message is null ? "" : $"""<p class="fout" role="alert">{E(message)}</p>""";

    public static string IntervalSelect(AlertInterval selected) =>
        "<label>Melden <select name=\"interval\">" + string.Concat(Enum.GetValues<AlertInterval>()
            .Select(i => $"<option value=\"{Intervals.Dutch(i)}\"{(i == selected ? " selected" : "")}>{Intervals.Dutch(i)}</option>")) + "</select></label>";
}

using SearchKamer.Domain;
using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>
/// "Volg deze vragen" / "Niet meer volgen" on a document page, with the state it is in. A visitor who is not
/// signed in gets a link that signs in and comes back to the same page.
/// </summary>
public static class FollowButton
{
    /// <param name="answered">A question set whose answer is indexed: following it waits for news (a nader antwoord), not for the answer.</param>
    public static string Render(HttpContext ctx, string id, KamervraagDocument doc, bool answered)
    {
        if (doc.ZaakNumbers.Count == 0)
        {
            return "";
        }

        var questions = doc.Kind == DocumentKind.Vragen;
        var what = questions ? "deze vragen" : "dit dossier";
        var when = questions && !answered
            ? "U krijgt een melding zodra het antwoord er is (of uitstel wordt gemeld)."
            : "U krijgt een melding als er iets nieuws bij dit dossier komt, zoals een nader antwoord.";
        var page = Pages.Html.DocumentHref(id);
        var services = ctx.RequestServices;
        if (Auth.Visitor(ctx, services.GetRequiredService<Users>()) is not { } user)
        {
            return $"""<div class="follow"><p><a class="button" href="/aanmelden?terug={Uri.EscapeDataString(page)}">Volg {what}</a></p><p class="hint">Na inloggen. {when}</p></div>""" + "\n";
        }

        var fields = $"""<input type="hidden" name="document" value="{Html.E(id)}"><input type="hidden" name="terug" value="{Html.E(page)}">""";
        return services.GetRequiredService<FollowService>().Of(user.Id, doc).Count > 0
            ? $"""<div class="follow following"><p role="status"><strong>U volgt {what}.</strong> {when}</p>{Html.Form(ctx, "/mijn/volgen/document", fields, "Niet meer volgen")}</div>""" + "\n"
            : $"""<div class="follow">{Html.Form(ctx, "/mijn/volgen", fields, $"Volg {what}")}<p class="hint">{when}</p></div>""" + "\n";
    }
}

using System.Text;
using SearchKamer.Domain;
using SearchKamer.Dossiers;

namespace SearchKamer.Host.Web.Pages;

/// <summary>A dossier as HTML: its state in a few words and its timeline, each member linked.</summary>
internal static class DossierView
{
    /// <summary>The state in a few words, marked open and late for the eye ("open sinds 40 dagen, te laat").</summary>
    public static string Badge(DossierState s)
    {
        var css = "state" + (s.Status == DossierStatuses.Open ? " open" : "") + (s.Late ? " late" : "");
        return $"<span class=\"{css}\">{Html.E(s.State)}</span>";
    }

    public static string Timeline(Dossier d, string currentKey)
    {
        var html = new StringBuilder("<section class=\"dossier\" aria-label=\"Dossier\">");
        // The zaak as text: its JSON (/api/dossiers/…) is for API users, not a link for readers of the page.
        html.Append("<h2>Dossier ").Append(Html.E(d.Zaak)).Append(' ').Append(Badge(DossierStates.Of(d))).Append("</h2>\n<ol class=\"timeline\">");
        foreach (var m in d.Members)
        {
            var current = m.Key.Equals(currentKey, StringComparison.OrdinalIgnoreCase);
            html.Append(current ? "<li class=\"current\" aria-current=\"page\">" : "<li>");
            var label = Step(m);
            html.Append(current ? Html.E(label) : $"<a href=\"{Html.E(Html.DocumentHref(m.Key))}\">{Html.E(label)}</a>");
            html.Append("<span class=\"when\">").Append(Html.E(Html.Date(m.Date)));
            if (m.Day is { } day && m.Kind != "vragen")
            {
                html.Append(" · dag ").Append(day);
            }

            html.Append("</span></li>");
        }

        if (d.IsOpen && d.Deadline is { } deadline)
        {
            html.Append("<li><span>").Append(d.Late ? "termijn verstreken" : "antwoord verwacht").Append("</span><span class=\"when\">")
                .Append(Html.E(Html.Date(deadline))).Append(d.Postponed ? " (na uitstel)" : "").Append("</span></li>");
        }

        html.Append("</ol>\n");
        foreach (var w in d.Warnings)
        {
            html.Append("<p class=\"warn\" role=\"note\">Let op: ").Append(Html.E(w)).Append("</p>\n");
        }

        return html.Append("</section>\n").ToString();
    }

    private static string Step(DossierMember m) => m.Kind switch
    {
        "vragen" => "Vragen ingezonden",
        "antwoord" => "Antwoord",
        "nader-antwoord" => "Nader antwoord",
        _ => m.Notice switch
        {
            "uitstel" => "Uitstel gemeld",
            "beantwoord-per-brief" => "Beantwoord per brief",
            "ingetrokken" => "Vragen ingetrokken",
            _ => "Mededeling",
        },
    };
}

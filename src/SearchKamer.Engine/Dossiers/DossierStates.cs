using System.Globalization;
using SearchKamer.Domain;
using SearchKamer.Search;

namespace SearchKamer.Dossiers;

/// <summary>The state of a dossier in short, and search responses with that state beside each hit.</summary>
public static class DossierStates
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static DossierState Of(Dossier d) => State(d.Zaak, d.Status, d.Days, d.Late, d.Postponed, d.Deadline);

    /// <summary>The state of a zaak from its course alone (what a results page shows; the whole dossier's is the same).</summary>
    public static DossierState Of(string zaak, DossierCourse c) => State(zaak, c.Status, c.Days, c.Late, c.Postponed, c.Deadline);

    private static DossierState State(string zaak, string status, int? days, bool late, bool postponed, DateOnly? deadline) =>
        new(zaak, status, Words(status, days, late), days, late, postponed, deadline);

    /// <summary>"beantwoord na 26 dagen", "open sinds 40 dagen, te laat", "ingetrokken".</summary>
    private static string Words(string status, int? days, bool late)
    {
        var tail = late ? ", te laat" : "";
        return status switch
        {
            DossierStatuses.Answered when days is { } n => $"beantwoord na {Days(n)}{tail}",
            DossierStatuses.Answered => "beantwoord",
            DossierStatuses.Open when days is { } n => $"open sinds {Days(n)}{tail}",
            DossierStatuses.Open => "open",
            _ => "ingetrokken",
        };
    }

    /// <summary>
    /// The response with each hit's dossier state (null without zaak): what the results page shows beside a hit.
    /// Set on the hits and written once, where a JSON tree built to add it cost more than the states themselves.
    /// </summary>
    public static SearchResponse Fill(SearchResponse response, DossierReader dossiers, DateOnly today)
    {
        // A question set and its answer often both stand among the hits: one dossier, read once.
        var states = dossiers.StatesFor(response.Documents.Select(d => d.Zaak).OfType<string>(), today);
        return response with { Documents = [.. response.Documents.Select(d => d with { Dossier = d.Zaak is { } z ? states[z] : null })] };
    }

    private static string Days(int n) => n.ToString("N0", Dutch) + (n == 1 ? " dag" : " dagen");
}

using SearchKamer.Domain;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>
/// Tells what a Mededeling announces from its wording (document-formats.md §1). The term phrases go
/// first: an uitstel notice may quote a subject such as "het intrekken van vergunningen".
/// </summary>
internal static class Notices
{
    private static readonly string[] Term = ["gebruikelijke termijn", "gestelde termijn", "binnen de termijn"];
    private static readonly string[] ByLetter = ["beantwoord middels", "beantwoord in de brief", "beantwoord met de brief", "beantwoord via", "beantwoord bij brief", "per brief beantwoord"];
    private static readonly string[] Withdrawn = ["als ingetrokken", "vragen ingetrokken", "vragen zijn ingetrokken", "vragen in te trekken", "intrekking van de vragen", "heeft de vragen ingetrokken"];
    private static readonly string[] Postponed = ["uitstel", "zo spoedig mogelijk"];

    public static NoticeKind Classify(string? notice)
    {
        var text = notice ?? "";
        return Has(text, Term) ? NoticeKind.Uitstel
            : Has(text, ByLetter) ? NoticeKind.BeantwoordPerBrief
            : Has(text, Withdrawn) ? NoticeKind.Ingetrokken
            : Has(text, Postponed) ? NoticeKind.Uitstel
            : NoticeKind.Overig;
    }

    private static bool Has(string text, string[] phrases) =>
        phrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
}

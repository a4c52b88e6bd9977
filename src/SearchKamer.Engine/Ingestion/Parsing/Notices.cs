using SearchKamer.Domain;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>Tells what a Mededeling announces from its wording (document-formats.md §1).</summary>
internal static class Notices
{
    private static readonly string[] Withdrawn = ["ingetrokken", "intrekken", "intrekking"];
    private static readonly string[] ByLetter = ["beantwoord middels", "beantwoord in de brief", "beantwoord met de brief", "beantwoord via", "beantwoord bij brief", "per brief"];
    private static readonly string[] Postponed = ["gebruikelijke termijn", "gestelde termijn", "uitstel", "zo spoedig mogelijk"];

    public static NoticeKind Classify(string? notice)
    {
        var text = notice ?? "";
        return Has(text, Withdrawn) ? NoticeKind.Ingetrokken
            : Has(text, ByLetter) ? NoticeKind.BeantwoordPerBrief
            : Has(text, Postponed) ? NoticeKind.Uitstel
            : NoticeKind.Overig;
    }

    private static bool Has(string text, string[] phrases) =>
        phrases.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
}

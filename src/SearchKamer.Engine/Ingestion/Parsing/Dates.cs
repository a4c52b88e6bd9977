using SearchKamer.Domain;
using SearchKamer.Ingestion.Extraction;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>Structured dates (meta tags, XML isodatum, OpenTK) win over the header sentences; a mismatch is reported.</summary>
internal static class Dates
{
    public static DateOnly? Submitted(ExtractedText text, DateOnly? fromHeader, DocumentKind kind, ICollection<string> warnings) =>
        Reconcile("datum ingezonden", warnings, fromHeader,
            // The API's Datum of a question set is its submission date; of an answer, its received date.
            kind == DocumentKind.Vragen ? DutchDates.ParseIso(Identifiers.First(text.Metadata, ApiMetadata.Datum)) : null,
            DutchDates.ParseIso(Identifiers.First(text.Metadata, "OVERHEIDop.datumIndiening")),
            DutchDates.ParseIso(Identifiers.First(text.Metadata, "xml.datumIngezonden")));

    public static DateOnly? Received(ExtractedText text, DateOnly? fromHeader, DocumentKind kind, ICollection<string> warnings) =>
        Reconcile("datum ontvangen", warnings, fromHeader,
            kind == DocumentKind.Vragen ? null : DutchDates.ParseIso(Identifiers.First(text.Metadata, ApiMetadata.Datum)),
            DutchDates.ParseIso(Identifiers.First(text.Metadata, "OVERHEIDop.datumOntvangst")),
            DutchDates.ParseIso(Identifiers.First(text.Metadata, "xml.datumOntvangen")),
            // OpenTK's "datum" of an answer is its received date; of a question set it is not.
            kind == DocumentKind.Vragen ? null : DutchDates.ParseIso(Identifiers.First(text.Metadata, "opentk.datum")));

    private static DateOnly? Reconcile(string field, ICollection<string> warnings, DateOnly? fromHeader, params DateOnly?[] structured)
    {
        var best = structured.FirstOrDefault(d => d is not null);
        if (best is null)
        {
            return fromHeader;
        }

        if (fromHeader is not null && fromHeader != best)
        {
            warnings.Add($"{field}: metadata zegt {best:yyyy-MM-dd}, de kopregel {fromHeader:yyyy-MM-dd}; metadata gebruikt");
        }

        return best;
    }
}

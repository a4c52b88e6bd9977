using System.Globalization;

namespace SearchKamer.Domain;

/// <summary>
/// What a document is called wherever people see it (pages, lists, feeds, mails): its subject, else a
/// sentence composed from its metadata. Never a file name: a storage key means nothing to a reader.
/// </summary>
public static class DocumentTitle
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Of(KamervraagDocument doc)
    {
        if (doc.Subject is { Length: > 0 } subject)
        {
            return Capitalised(subject.Trim());
        }

        var zaak = doc.ZaakNumbers.Count > 0 ? " " + string.Join(", ", doc.ZaakNumbers) : "";
        if (doc.Askers.Count > 0)
        {
            var to = doc.Addressees.Count > 0 ? " aan de " + Join(doc.Addressees.Select(a => a.ToLower(Dutch))) : "";
            return $"Vragen van {Join(doc.Askers.Select(a => a.Party is null ? a.Name : $"{a.Name} ({a.Party})"))}{to}{(zaak.Length > 0 ? " (" + zaak.Trim() + ")" : "")}";
        }

        var what = doc.Kind switch
        {
            DocumentKind.Vragen => "Schriftelijke vragen",
            DocumentKind.NaderAntwoord => "Nader antwoord",
            DocumentKind.Mededeling => "Mededeling",
            _ => "Antwoord",
        };
        var by = doc.Answerers.Count > 0
            ? " van " + Join(doc.Answerers.Select(a => $"{a.Role.ToLower(Dutch)} {a.Name}{(a.Portfolio is null ? "" : $" ({a.Portfolio})")}"))
            : "";
        var on = doc.Kind == DocumentKind.Vragen ? zaak : zaak.Length > 0 ? " op vragen" + zaak : "";
        var title = what + by + on;
        return title == what && (doc.OfficialId ?? doc.DocumentNumber) is { } id ? $"{what} {id}" : title;
    }

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], Dutch) + text[1..];

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " en " + list[^1];
    }
}

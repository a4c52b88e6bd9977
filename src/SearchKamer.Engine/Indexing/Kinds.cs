using SearchKamer.Domain;

namespace SearchKamer.Indexing;

/// <summary>The public names of document kinds, as in the JSON ("nader-antwoord").</summary>
public static class Kinds
{
    public static string Name(DocumentKind kind) => kind switch
    {
        DocumentKind.Vragen => "vragen",
        DocumentKind.Antwoord => "antwoord",
        DocumentKind.NaderAntwoord => "nader-antwoord",
        _ => "mededeling",
    };

    public static DocumentKind? Parse(string? name) =>
        Enum.GetValues<DocumentKind>().Cast<DocumentKind?>().FirstOrDefault(k => Name(k!.Value).Equals(name?.Trim(), StringComparison.OrdinalIgnoreCase));
}

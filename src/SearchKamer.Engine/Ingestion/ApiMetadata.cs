namespace SearchKamer.Ingestion;

/// <summary>
/// Keys of the metadata the open-data sync hands to <see cref="DocumentReader.Read(string, IReadOnlyDictionary{string, IReadOnlyList{string}}?)"/>.
/// The parser prefers these over what it reads in the text and reports every disagreement.
/// </summary>
public static class ApiMetadata
{
    public const string DocumentId = "tk.id";
    public const string DocumentNumber = "tk.documentNumber";
    public const string Soort = "tk.soort";

    /// <summary>Document date, yyyy-MM-dd: the received date of an answer or notice, the submission date of a question set.</summary>
    public const string Datum = "tk.datum";

    public const string Onderwerp = "tk.onderwerp";
    public const string Vergaderjaar = "tk.vergaderjaar";

    /// <summary>TK encoding YYyy + five digits, e.g. 232401314 for ah-tk-20232024-1314.</summary>
    public const string Aanhangselnummer = "tk.aanhangselnummer";

    /// <summary>Zaak numbers of the question set(s) the document belongs to.</summary>
    public const string Zaak = "tk.zaak";

    /// <summary>Askers in order (Indiener first), each as <see cref="Actor"/> encodes it.</summary>
    public const string Indiener = "tk.indiener";

    /// <summary>The zaak's "Gericht aan" functions, e.g. "minister van Financiën".</summary>
    public const string GerichtAan = "tk.gerichtAan";

    private const char Separator = '|';

    public static string Actor(string name, string? party) => party is { Length: > 0 } ? $"{name}{Separator}{party}" : name;

    public static (string Name, string? Party) ParseActor(string value)
    {
        var at = value.IndexOf(Separator, StringComparison.Ordinal);
        return at < 0 ? (value.Trim(), null) : (value[..at].Trim(), value[(at + 1)..].Trim() is { Length: > 0 } p ? p : null);
    }
}

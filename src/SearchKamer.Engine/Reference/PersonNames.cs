using System.Text.RegularExpressions;

namespace SearchKamer.Reference;

/// <summary>
/// A person's name in one spelling, for facets and filter links. Letters print the same minister as "Faber -
/// Van de Klashorst", "Faber – van de Klashorst" and "Faber-Van de Klashorst"; as facet values those were four
/// people, and a click on one found only its own documents. The canonical form is the Tweede Kamer's:
/// "Faber-van de Klashorst", "Gräper-van Koolwijk" (a prefix inside a double name is lower case), while a name that
/// starts with its prefix keeps the capital it stands with ("Van Weel", "Van der Wal-Zeggelink").
/// </summary>
public static partial class PersonNames
{
    // Dutch name prefixes (tussenvoegsels) that follow the hyphen of a double surname.
    private static readonly HashSet<string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "van", "de", "der", "den", "het", "'t", "ten", "ter", "te", "in", "op", "la", "le", "du", "da", "di", "del", "von", "zu", "vd",
    };

    public static string Canonical(string printed)
    {
        var name = Hyphens().Replace(ReferenceData.Tidy(printed), "-");
        return string.Join('-', name.Split('-').Select((part, i) => i == 0 ? part : LowerPrefixes(part)));
    }

    // "Van de Klashorst" after a hyphen: the prefixes before the surname proper in lower case.
    private static string LowerPrefixes(string part)
    {
        var words = part.Split(' ');
        for (var i = 0; i < words.Length - 1 && Prefixes.Contains(words[i]); i++)
        {
            words[i] = words[i].ToLowerInvariant();
        }

        return string.Join(' ', words);
    }

    // A double name's hyphen without the spaces some letters print around it.
    [GeneratedRegex(@" ?- ?")]
    private static partial Regex Hyphens();
}

using System.Text;

namespace SearchKamer.Reference;

/// <summary>
/// Canonical party names. The canonical form is the short name the Tweede Kamer prints in
/// Kamervragen headers ("NSC", not "Nieuw Sociaal Contract"; "GroenLinks-PvdA"; "ChristenUnie").
/// </summary>
public static class Parties
{
    private static readonly Lazy<Dictionary<string, string>> ByKey = new(Load);

    /// <summary>All canonical names in the data file, in file order.</summary>
    public static IReadOnlyList<string> All { get; } = ReferenceData.Rows("parties.tsv").Select(r => r[0]).ToArray();

    /// <summary>The canonical name of a printed party; unknown names come back trimmed with spaces collapsed.</summary>
    public static string Canonical(string printed)
    {
        var trimmed = string.Join(' ', printed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return ByKey.Value.TryGetValue(Key(trimmed), out var canonical) ? canonical : trimmed;
    }

    // Case, spaces, hyphens and dashes vary between renditions ("GroenLinks - PvdA", "Groenlinks-PvdA").
    internal static string Key(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsWhiteSpace(c) && c is not ('-' or '\u2010' or '\u2011' or '\u2013' or '\u2014'))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }

    private static Dictionary<string, string> Load()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in ReferenceData.Rows("parties.tsv"))
        {
            var canonical = row[0];
            map[Key(canonical)] = canonical;
            if (row.Length > 1)
            {
                foreach (var alias in row[1].Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    map.TryAdd(Key(alias), canonical);
                }
            }
        }

        return map;
    }
}

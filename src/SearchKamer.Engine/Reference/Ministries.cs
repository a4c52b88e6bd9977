using System.Text;
using System.Text.RegularExpressions;

namespace SearchKamer.Reference;

/// <summary>
/// Canonical ministry names (Data/ministries.tsv). Maps a printed portfolio, addressee or abbreviation
/// to the ministry it belongs to: "Financiën – Fiscaliteit en Belastingdienst" → "Financiën",
/// "Minister voor Natuur en Stikstof" → "Landbouw, Natuur en Voedselkwaliteit", "BZ" → "Buitenlandse Zaken".
/// </summary>
public static partial class Ministries
{
    private static readonly Lazy<Tables> Data = new(Load);

    /// <summary>All canonical ministry names, current and former, in file order.</summary>
    public static IReadOnlyList<string> All => Data.Value.Names;

    /// <summary>Ministries and programmes as they are spelled (capitals, commas), for restoring a mangled print.</summary>
    public static IReadOnlyList<string> Printed => Data.Value.Printed;

    /// <summary>The canonical ministry, or null when the text names no ministry or programme we know.</summary>
    public static string? Canonical(string portfolioOrName)
    {
        var text = Clean(portfolioOrName);
        if (text.Length == 0)
        {
            return null;
        }

        if (PrimeMinister().IsMatch(text))
        {
            return "Algemene Zaken";
        }

        text = MinistryPrefix().Replace(text, "");
        var role = RolePrefix().Match(text);
        var voor = role.Success && role.Groups["prep"].Value.Equals("voor", StringComparison.OrdinalIgnoreCase);
        if (role.Success)
        {
            text = text[role.Length..];
        }

        var tables = Data.Value;
        return Lookup(tables, text, voor)
            // A sub-portfolio follows a dash: "Volksgezondheid, Welzijn en Sport – Jeugd, Preventie en Sport".
            ?? Lookup(tables, SubPortfolio().Split(text)[0], voor);
    }

    private static string? Lookup(Tables tables, string name, bool voor)
    {
        var key = Key(name);
        if (voor && tables.Voor.TryGetValue(key, out var viaVoor))
        {
            return viaVoor;
        }

        return tables.Ministries.TryGetValue(key, out var ministry) ? ministry
            : tables.Programmes.TryGetValue(key, out var programme) ? programme
            : null;
    }

    private static string Clean(string text)
    {
        return ReferenceData.Tidy(text).Trim(' ', '(', ')', '.', ',');
    }

    // Case, commas and spacing vary ("Binnenlandse Zaken en koninkrijksrelaties").
    internal static string Key(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in Clean(name))
        {
            if (c != ',')
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return string.Join(' ', key.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed record Tables(
        IReadOnlyList<string> Names,
        IReadOnlyList<string> Printed,
        Dictionary<string, string> Ministries,
        Dictionary<string, string> Programmes,
        Dictionary<string, string> Voor);

    private static Tables Load()
    {
        var names = new List<string>();
        var ministries = new Dictionary<string, string>(StringComparer.Ordinal);
        var programmes = new Dictionary<string, string>(StringComparer.Ordinal);
        var voor = new Dictionary<string, string>(StringComparer.Ordinal);
        var printed = new List<string>();
        foreach (var row in ReferenceData.Rows("ministries.tsv"))
        {
            var (kind, name, target) = (row[0], row[1], row.Length > 2 ? row[2] : "");
            printed.Add(name);
            switch (kind)
            {
                case "ministry":
                    names.Add(name);
                    ministries[Key(name)] = name;
                    foreach (var alias in target.Split('|', StringSplitOptions.RemoveEmptyEntries))
                    {
                        ministries.TryAdd(Key(alias), name);
                    }

                    break;
                case "programme":
                    programmes[Key(name)] = target;
                    break;
                case "voor":
                    voor[Key(name)] = target;
                    break;
                default:
                    throw new InvalidOperationException($"ministries.tsv: unknown kind '{kind}'");
            }
        }

        return new Tables(names, printed, ministries, programmes, voor);
    }

    [GeneratedRegex("^(?:de )?minister-? ?president\\b", RegexOptions.IgnoreCase)]
    private static partial Regex PrimeMinister();

    [GeneratedRegex("^(?:de )?(?:ministers?(?!ie)|staatss?ecretaris(?:sen)?)(?: ?(?<prep>van|voor)\\b)? ?", RegexOptions.IgnoreCase)]
    private static partial Regex RolePrefix();

    [GeneratedRegex("^(?:het )?ministerie van ", RegexOptions.IgnoreCase)]
    private static partial Regex MinistryPrefix();

    [GeneratedRegex(" - ")]
    private static partial Regex SubPortfolio();
}

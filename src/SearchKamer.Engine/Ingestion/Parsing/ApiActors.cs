using System.Globalization;
using System.Text;
using SearchKamer.Domain;
using SearchKamer.Reference;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>
/// Askers and addressees from the open-data API (zaak actors) against those in the question header.
/// The API wins, but a name keeps its printed form when the header has it (the API writes
/// "P.H. Omtzigt", the header "Omtzigt", and facets must not split one member in two).
/// </summary>
internal static class ApiActors
{
    public static IReadOnlyList<Asker> Askers(IReadOnlyDictionary<string, IReadOnlyList<string>> md, IReadOnlyList<Asker> parsed, ICollection<string> warnings)
    {
        if (!md.TryGetValue(ApiMetadata.Indiener, out var values) || values.Count == 0)
        {
            return parsed;
        }

        var unmatched = parsed.ToList();
        var result = new List<Asker>();
        foreach (var (apiName, apiParty) in values.Select(ApiMetadata.ParseActor))
        {
            var surname = Surname(apiName);
            var printed = unmatched.FirstOrDefault(p => SameName(p.Name, surname));
            if (printed is null && parsed.Count > 0)
            {
                warnings.Add($"indiener \"{apiName}\" volgens de API staat niet in de kopregel");
            }

            if (printed is not null)
            {
                unmatched.Remove(printed);
                if (apiParty is not null && printed.Party is not null && Parties.Canonical(apiParty) != Parties.Canonical(printed.Party))
                {
                    warnings.Add($"partij van {printed.Name}: API zegt \"{apiParty}\", de kopregel \"{printed.Party}\"; API gebruikt");
                }
            }

            var party = apiParty is null ? printed?.Party : Parties.Canonical(apiParty);
            result.Add(new Asker(printed?.Name ?? surname, party));
        }

        // Kept rather than dropped: the API may simply not have the co-asker's actor row yet.
        foreach (var extra in unmatched)
        {
            warnings.Add($"indiener \"{extra.Name}\" uit de kopregel ontbreekt in de API");
            result.Add(extra);
        }

        return result;
    }

    public static IReadOnlyList<string> Addressees(IReadOnlyDictionary<string, IReadOnlyList<string>> md, IReadOnlyList<string> parsed, ICollection<string> warnings)
    {
        if (!md.TryGetValue(ApiMetadata.GerichtAan, out var values) || values.Count == 0)
        {
            return parsed;
        }

        var api = values.SelectMany(Offices.Expand).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (parsed.Count > 0)
        {
            foreach (var missing in api.Where(a => !parsed.Any(p => Key(p) == Key(a))))
            {
                warnings.Add($"gericht aan \"{missing}\" volgens de API staat niet zo in de kopregel");
            }

            foreach (var extra in parsed.Where(p => !api.Any(a => Key(p) == Key(a))))
            {
                warnings.Add($"gericht aan \"{extra}\" uit de kopregel ontbreekt in de API; API gebruikt");
            }
        }

        return api;
    }

    /// <summary>"P.H. Omtzigt" → "Omtzigt"; "H. van der Lee" → "Van der Lee" (the header capitalises a leading prefix).</summary>
    internal static string Surname(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && (words[0].EndsWith('.') || (words[0].Length == 1 && char.IsUpper(words[0][0]))))
        {
            words.RemoveAt(0);
        }

        var surname = string.Join(' ', words);
        return surname.Length > 0 ? char.ToUpper(surname[0], CultureInfo.InvariantCulture) + surname[1..] : surname;
    }

    private static bool SameName(string printed, string api)
    {
        var a = Fold(printed);
        var b = Fold(api);
        return a.Length > 0 && b.Length > 0 && (a == b || a.EndsWith(b, StringComparison.Ordinal) || b.EndsWith(a, StringComparison.Ordinal));
    }

    /// <summary>Lower case without diacritics, spaces or hyphens: "Kostić" and "Kostic", "Van Nispen" and "van Nispen" are one name.</summary>
    private static string Fold(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsLetter(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static string Key(string office) => string.Join(' ', office.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

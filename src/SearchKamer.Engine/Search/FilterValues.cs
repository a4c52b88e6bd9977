using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using SearchKamer.Reference;

namespace SearchKamer.Search;

/// <summary>
/// Filter values as users type them (form, URL, API, CLI) made into the index's own values: case, accents,
/// spaces and hyphens do not matter; a surname part finds the person ("Weel" → "Van Weel"), ministry
/// abbreviations and short names and party aliases map to the canonical name, a calendar year in vergaderjaar
/// gives both vergaderjaren it touches. What matches nothing keeps the typed value (no hits) with a note that
/// names the closest known values. Values already exact (facet clicks) pass through at the cost of one lookup.
/// </summary>
internal static class FilterValues
{
    private static readonly ConditionalWeakTable<IndexReader, Dictionary<string, string[]>> Known = new();

    public static (SearchRequest Request, IReadOnlyList<string> Notes) Resolve(IndexSearcher searcher, SearchRequest r)
    {
        if (r.Selections.Count == 0)
        {
            return (r, []);
        }

        var known = Known.GetValue(searcher.IndexReader, Read);
        var notes = new List<string>();
        var resolved = IndexSchema.Filters.ToDictionary(f => f.Name, f => (IReadOnlyList<string>)
            [.. r.Selected(f.Name).SelectMany(v => Resolve(f, known[f.Name], v, notes)).Distinct(StringComparer.Ordinal)]);
        return (r with { Selections = resolved }, notes);
    }

    /// <summary>The index's values per filter, by the name the form and the URL give it (minister, ministerie, partij, …).</summary>
    public static Dictionary<string, IReadOnlyList<string>> KnownValues(IndexSearcher searcher)
    {
        var known = Known.GetValue(searcher.IndexReader, Read);
        return IndexSchema.Filters.ToDictionary(f => f.Filter!.Param, f => (IReadOnlyList<string>)known[f.Name], StringComparer.Ordinal);
    }

    private static IEnumerable<string> Resolve(SchemaField field, string[] known, string typed, List<string> notes) =>
        field.Filter!.Match == ValueMatch.Vergaderjaar ? Vergaderjaar(typed, notes) : One(field, known, typed, notes);

    private static IEnumerable<string> One(SchemaField field, string[] known, string typed, List<string> notes)
    {
        var value = typed.Trim();
        if (value.Length == 0 || Array.IndexOf(known, value) >= 0)
        {
            return value.Length == 0 ? [] : [value];
        }

        var facet = field.Filter!;
        var canonical = facet.Match switch
        {
            ValueMatch.Ministry => Ministries.Canonical(value) ?? value,
            ValueMatch.Party => Parties.Canonical(value),
            _ => value,
        };
        var key = Key(canonical);
        if (known.FirstOrDefault(k => Key(k) == key) is { } same)
        {
            return [same];
        }

        var words = Words(canonical);
        var containing = words.Length == 0 ? [] : known.Where(k => ContainsRun(Words(k), words)).ToArray();
        if (containing.Length > 1)
        {
            notes.Add($"{facet.Param} ‘{value}’: {containing.Length} {facet.Plural} gevonden ({string.Join(", ", containing)}); ze tellen allemaal mee.");
        }

        if (containing.Length > 0)
        {
            return containing;
        }

        var closest = known.OrderBy(k => Distance(Key(k), key)).ThenBy(k => k, StringComparer.Ordinal).Take(3).ToList();
        notes.Add(closest.Count == 0
            ? $"geen {facet.Param} ‘{value}’ bekend."
            : $"geen {facet.Param} ‘{value}’ bekend; bedoelde u {string.Join(", ", closest.Take(closest.Count - 1))}{(closest.Count > 1 ? " of " : "")}{closest[^1]}?");
        return [value];
    }

    private static IEnumerable<string> Vergaderjaar(string typed, List<string> notes)
    {
        var value = typed.Trim();
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            // A calendar year lies in two vergaderjaren (they run from September).
            notes.Add($"vergaderjaar ‘{value}’: {year - 1}-{year} en {year}-{year + 1} gekozen.");
            return [$"{year - 1}-{year}", $"{year}-{year + 1}"];
        }

        var normal = IdentifierRules.NormaliseVergaderjaar(value);
        if (value.Length > 0 && normal is null)
        {
            notes.Add($"vergaderjaar ‘{value}’ niet begrepen; schrijf het als 2023-2024 of als een jaartal.");
        }

        return value.Length == 0 ? [] : [normal ?? value];
    }

    private static Dictionary<string, string[]> Read(IndexReader reader)
    {
        var known = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var field in IndexSchema.Filters.Select(f => f.Name))
        {
            var values = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var leaf in reader.Leaves)
            {
                if (leaf.AtomicReader.GetSortedSetDocValues(field) is not { } dv)
                {
                    continue;
                }

                var bytes = new BytesRef();
                for (long ord = 0; ord < dv.ValueCount; ord++)
                {
                    dv.LookupOrd(ord, bytes);
                    values.Add(bytes.Utf8ToString());
                }
            }

            known[field] = [.. values];
        }

        return known;
    }

    /// <summary>Lower case, accents dropped, letters and digits only: "Faber – Van de Klashorst" = "faber-van de klashorst".</summary>
    internal static string Key(string value) => string.Concat(Words(value));

    private static string[] Words(string value)
    {
        var folded = new StringBuilder(value.Length);
        foreach (var c in value.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static bool ContainsRun(string[] words, string[] run)
    {
        for (var start = 0; start + run.Length <= words.Length; start++)
        {
            if (words.AsSpan(start, run.Length).SequenceEqual(run))
            {
                return true;
            }
        }

        return false;
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}

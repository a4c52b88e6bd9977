namespace SearchKamer.Analysis;

/// <summary>
/// Abbreviations and the names they stand for (Data/synonyms.txt), for rewriting queries:
/// BZK ↔ Binnenlandse Zaken en Koninkrijksrelaties. A query-time lookup rather than a
/// TokenFilter, so multi-word names can be added as phrases and the index stays unchanged.
/// </summary>
public static class Synonyms
{
    private static readonly Lazy<Dictionary<string, string[]>> Bundled =
        new(() => Build(DataFiles.Lines("synonyms.txt")), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The other forms of the group(s) <paramref name="termOrPhrase"/> belongs to, as written in
    /// the data file (the analyzers lower-case and fold them). Matching ignores case, diacritics
    /// and runs of white space; unknown input gives an empty list.
    /// </summary>
    public static IReadOnlyList<string> Expand(string termOrPhrase)
    {
        ArgumentNullException.ThrowIfNull(termOrPhrase);
        return Bundled.Value.TryGetValue(Key(termOrPhrase), out var forms) ? forms : [];
    }

    internal static Dictionary<string, string[]> Build(IEnumerable<string> lines)
    {
        var groups = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var forms = line.Split(['=', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var form in forms)
            {
                var key = Key(form);
                if (!groups.TryGetValue(key, out var others))
                {
                    others = [];
                    groups[key] = others;
                }

                // A form listed in two groups expands to the members of both.
                foreach (var other in forms)
                {
                    if (Key(other) != key && !others.Contains(other))
                    {
                        others.Add(other);
                    }
                }
            }
        }

        return groups.ToDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal);
    }

    private static string Key(string form) =>
        string.Join(' ', DataFiles.Fold(form).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

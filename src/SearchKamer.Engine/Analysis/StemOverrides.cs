using Lucene.Net.Analysis.Miscellaneous;

namespace SearchKamer.Analysis;

/// <summary>
/// Our own stem exceptions from Data/stem-overrides.txt ("word, word => stem"). Lucene's
/// DutchAnalyzer has such a table but, in 4.8, never applies parts of it, so we build ours.
/// </summary>
internal static class StemOverrides
{
    private static readonly Lazy<StemmerOverrideFilter.StemmerOverrideMap> Bundled =
        new(() => Build(DataFiles.Lines("stem-overrides.txt")), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Immutable once built, so one map serves every analyzer and thread.</summary>
    public static StemmerOverrideFilter.StemmerOverrideMap Map => Bundled.Value;

    public static StemmerOverrideFilter.StemmerOverrideMap Build(IEnumerable<string> lines)
    {
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
        foreach (var line in lines)
        {
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow < 0)
            {
                throw new FormatException("stem override without '=>': " + line);
            }

            var stem = DataFiles.Fold(line[(arrow + 2)..].Trim());
            foreach (var word in line[..arrow].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                builder.Add(DataFiles.Fold(word), stem);
            }
        }

        return builder.Build();
    }
}

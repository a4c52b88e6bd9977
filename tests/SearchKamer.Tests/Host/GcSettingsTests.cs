using System.Text.Json;
using Lucene.Net.Util;
using SearchKamer.Host.Cli;

namespace SearchKamer.Tests.Host;

/// <summary>The runtime's memory settings that keep a search's garbage cheap (README "Configuration", docs/benchmarks.md).</summary>
public sealed class GcSettingsTests
{
    [Fact]
    public void A_bit_set_over_a_million_pairs_is_a_large_object_by_default_and_a_young_one_in_the_host()
    {
        var config = Path.ChangeExtension(typeof(GcSettings).Assembly.Location, ".runtimeconfig.json");
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        var threshold = json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").GetProperty("System.GC.LOHThreshold").GetInt64();

        // The bench index: a million pairs in about 156,000 documents, each with its record; one bit per doc, in longs.
        var bytes = new FixedBitSet(BenchIndexDocs).GetBits().Length * sizeof(long);

        Assert.True(bytes >= DefaultLargeObjectBytes, $"{bytes} bytes would not be a large object anyway");
        Assert.True(bytes < threshold, $"{bytes} bytes reach the host's large-object threshold of {threshold}");
    }

    [Fact]
    public void A_process_gets_the_young_generation_budget_unless_its_caller_chose_one()
    {
        var bare = new Dictionary<string, string?>();
        var empty = new Dictionary<string, string?> { [GcSettings.YoungBudgetVariable] = "" };
        var chosen = new Dictionary<string, string?> { [GcSettings.YoungBudgetVariable] = "0x1000000" };

        foreach (var environment in new[] { bare, empty, chosen })
        {
            GcSettings.ApplyTo(environment);
        }

        Assert.Equal("0x4000000", bare[GcSettings.YoungBudgetVariable]);
        Assert.Equal(64 << 20, Convert.ToInt32(bare[GcSettings.YoungBudgetVariable], 16));
        Assert.Equal("0x4000000", empty[GcSettings.YoungBudgetVariable]);
        Assert.Equal("0x1000000", chosen[GcSettings.YoungBudgetVariable]);
    }

    // The runtime's documented default: arrays of 85,000 bytes or more go to the large-object heap.
    private const int DefaultLargeObjectBytes = 85_000;

    private const int BenchIndexDocs = 1_156_000;
}

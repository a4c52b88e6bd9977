using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// The README's bounds at their default values, on an engine built without overrides: a real answer
/// with 100,001 distinct words of one prefix added, so a prefix standing for all of them passes the
/// default bound of 100,000 terms and one standing for a tenth of them does not.
/// </summary>
public sealed class DefaultLimitsTests : IDisposable
{
    private const int Words = 100_001;
    private readonly string _dir = Directory.CreateTempSubdirectory("searchkamer-default-limits-").FullName;

    [Fact]
    public void A_prefix_standing_for_more_than_100000_terms_is_refused_and_one_for_fewer_is_not()
    {
        var lines = File.ReadAllLines(RepoPaths.CorpusFile("limburg", "Antwoord_op_vragen_van_het_lid_Mutluer_o.docx.txt")).ToList();
        var answer = lines.FindIndex(l => l.StartsWith("Antwoord op vraag 1", StringComparison.Ordinal)) + 1;
        lines[answer] += " " + string.Join(' ', Enumerable.Range(0, Words).Select(i => $"zq{i:D6}"));
        var file = Path.Combine(_dir, "veel-woorden.txt");
        File.WriteAllLines(file, lines);
        using var index = SearchIndex.OpenForWriting(Path.Combine(_dir, "index"));
        Assert.Equal(1, IngestPipeline.Run(index, [file], 1, _ => { }).Indexed);
        var engine = new SearchEngine(index);

        var e = Assert.Throws<SearchRequestException>(() => engine.Search(new SearchRequest { Query = "zq*" }));
        var tenth = engine.Search(new SearchRequest { Query = "zq01*" });

        Assert.Equal("q", e.Parameter);
        Assert.Contains($"meer dan {100_000:N0} verschillende woorden", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, tenth.Total);
    }

    [Fact]
    public void The_documented_defaults_are_the_engines_defaults()
    {
        // README, Search: 100,000 terms per prefix or wildcard, 5 s per search.
        Assert.Equal(new SearchLimits(TimeSpan.FromSeconds(5), 100_000), SearchLimits.Default);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

using System.IO.Compression;
using System.Text;
using System.Text.Json;
using SearchKamer.Bench;
using SearchKamer.Indexing;

namespace SearchKamer.Tests.Bench;

/// <summary>A small hand-made pool, so the tests stand alone without the shared 55 MB files.</summary>
public sealed class SyntheticCorpusTests : IDisposable
{
    private readonly string _pool = Path.Combine(Path.GetTempPath(), $"searchkamer-pool-{Guid.NewGuid():N}");

    public SyntheticCorpusTests()
    {
        Directory.CreateDirectory(_pool);
        WriteGz(TextPool.LawFile, Enumerable.Range(1, 40).Select(i =>
            $"Artikel {i}. De gemeente stelt bij verordening regels vast over de inhuur van personeel en de kosten daarvan, lid {i}."));
        WriteGz(TextPool.QaFile, Enumerable.Range(1, 12).Select(i => JsonSerializer.Serialize(new
        {
            question = $"Heeft u kennisgenomen van het bericht «Tekort aan leraren in regio {i}»?",
            answer = $"Ja. Het kabinet neemt maatregelen in regio {i}.",
        })));
    }

    [Fact]
    public void Same_seed_gives_the_same_documents()
    {
        var pool = new TextPool(_pool);
        var first = new SyntheticCorpus(pool, 7).Documents(300).Take(20).Select(Json).ToList();
        var again = new SyntheticCorpus(pool, 7).Documents(300).Take(20).Select(Json).ToList();
        var other = new SyntheticCorpus(pool, 8).Documents(300).Take(20).Select(Json).ToList();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(2_500)]
    public void Produces_exactly_the_requested_pairs_with_unique_ids(int pairs)
    {
        var docs = new SyntheticCorpus(new TextPool(_pool)).Documents(pairs).ToList();

        Assert.Equal(pairs, docs.Sum(SyntheticCorpus.PairsOf));
        Assert.All(docs, d => Assert.InRange(SyntheticCorpus.PairsOf(d), 1, 15));
        Assert.Equal(docs.Count, docs.Select(DocumentMapper.KeyOf).Distinct().Count());
        Assert.Equal(docs.Count, docs.Select(d => d.Source.Path).Distinct().Count());
    }

    [Fact]
    public void Dates_and_vergaderjaar_agree()
    {
        foreach (var d in new SyntheticCorpus(new TextPool(_pool)).Documents(3_000))
        {
            var date = d.DateReceived ?? d.DateSubmitted!.Value;
            Assert.InRange(date.Year, SyntheticCorpus.FirstYear, SyntheticCorpus.LastYear);
            var start = date.Month >= 9 ? date.Year : date.Year - 1;
            Assert.Equal($"{start}-{start + 1}", d.Vergaderjaar);
        }
    }

    [Fact]
    public void Uses_only_names_from_the_bundled_people_list()
    {
        var people = BenchPeople.Bundled;
        var members = people.Members.Select(m => (m.Name, (string?)m.Affiliation)).ToHashSet();
        var answerers = people.Answerers.Select(a => (a.Name, (string?)a.Affiliation)).ToHashSet();
        Assert.True(members.Count >= 200, "a few hundred Kamerleden");
        Assert.True(answerers.Count >= 50, "the ministers and staatssecretarissen since 2010");

        foreach (var d in new SyntheticCorpus(new TextPool(_pool)).Documents(3_000))
        {
            Assert.NotEmpty(d.Askers);
            Assert.All(d.Askers, a => Assert.Contains((a.Name, a.Party), members));
            Assert.All(d.Answerers, a => Assert.Contains((a.Name, a.Ministry), answerers));
        }
    }

    [Fact]
    public void A_missing_pool_names_the_path()
    {
        var missing = Path.Combine(_pool, "nope");
        var e = Assert.Throws<FileNotFoundException>(() => new TextPool(missing));
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_pool, recursive: true);

    private static string Json(Domain.KamervraagDocument d) => JsonSerializer.Serialize(d, StoredJson.Options);

    private void WriteGz(string name, IEnumerable<string> lines)
    {
        using var gz = new GZipStream(File.Create(Path.Combine(_pool, name)), CompressionLevel.Fastest);
        using var writer = new StreamWriter(gz, new UTF8Encoding(false));
        foreach (var line in lines)
        {
            writer.Write(line + "\n");
        }
    }
}

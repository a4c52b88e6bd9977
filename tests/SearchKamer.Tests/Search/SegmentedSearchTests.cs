using System.Text.RegularExpressions;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// Segments are searched side by side and merged: on an index written in many small batches the
/// totals, facets and paging must still agree with a count over the documents themselves, whether the
/// search is split over the cores (split above 0 postings) or collected on one thread (never split).
/// </summary>
public sealed class SegmentedSearchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("searchkamer-segments-").FullName;
    private readonly SearchIndex _index;

    public SegmentedSearchTests()
    {
        _index = SearchIndex.OpenForWriting(Path.Combine(_dir, "index"));
        var files = FileWalker.Expand([RepoPaths.Corpus], new List<string>());
        IngestPipeline.Run(_index, files, 1, _ => { }, batchSize: 12);
    }

    public static TheoryData<long> Splits => [0, long.MaxValue];

    [Theory]
    [MemberData(nameof(Splits))]
    public void An_index_of_many_segments_counts_facets_and_pages_like_its_documents(long splitAbove)
    {
        var engine = Engine(splitAbove);
        var segments = _index.SegmentCount();
        Assert.True(segments >= 3, $"only {segments} segments; the test needs several");
        var documents = engine.All().ToList();

        var all = engine.Search(new SearchRequest { Query = "*", Size = 100 });

        Assert.Equal(documents.Count, all.TotalDocuments);
        var parties = documents.SelectMany(d => d.Askers.Select(a => a.Party).OfType<string>().Distinct())
            .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(parties.OrderBy(kv => kv.Key), all.Facets["party"].ToDictionary(v => v.Value, v => v.Count).OrderBy(kv => kv.Key));
        var pages = Enumerable.Range(1, (all.TotalDocuments + 99) / 100)
            .SelectMany(p => engine.Search(new SearchRequest { Query = "*", Size = 100, Page = p, Sort = SortOrder.Newest }).Documents)
            .Select(d => d.Id).ToList();
        Assert.Equal(pages.Count, pages.Distinct().Count());
        Assert.Equal(documents.Count, pages.Count);
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void A_word_search_finds_the_same_pairs_in_every_segment_as_a_scan_of_the_texts(long splitAbove)
    {
        var engine = Engine(splitAbove);
        var word = new Regex(@"\binhuur", RegexOptions.IgnoreCase);
        // A document without numbered questions is indexed as one pair of its notice or subject.
        var expected = engine.All().Sum(d => d.Questions.Count == 0
            ? (word.IsMatch(d.Notice ?? d.Subject ?? "") ? 1 : 0)
            : d.Questions.Count(q => word.IsMatch(q.Question) || word.IsMatch(q.Answer ?? "")));

        var exact = engine.Search(new SearchRequest { Query = "inhuur*" });

        Assert.True(expected > 0);
        Assert.Equal(expected, exact.Total);
    }

    [Theory]
    [InlineData(SortOrder.Relevance, 0)]
    [InlineData(SortOrder.Newest, 0)]
    [InlineData(SortOrder.Oldest, 0)]
    [InlineData(SortOrder.Relevance, long.MaxValue)]
    [InlineData(SortOrder.Newest, long.MaxValue)]
    public void Pages_of_a_search_join_up_to_one_long_page(SortOrder sort, long splitAbove)
    {
        // Each segment keeps only its best documents up to the end of the page; the merge must still agree.
        var engine = Engine(splitAbove);
        var whole = engine.Search(new SearchRequest { Query = "minister OR gemeente", Sort = sort, Size = 30 }).Documents.Select(d => d.Id).ToList();
        var paged = Enumerable.Range(1, 6)
            .SelectMany(p => engine.Search(new SearchRequest { Query = "minister OR gemeente", Sort = sort, Size = 5, Page = p }).Documents)
            .Select(d => d.Id).ToList();

        Assert.True(whole.Count == 30, $"only {whole.Count} documents");
        Assert.Equal(whole, paged);
    }

    [Theory]
    [InlineData("minister", "VVD")]
    [InlineData("zorg*", "CDA")]
    [InlineData("externe inhuur", null)]
    [InlineData("\"raad van state\"", null)]
    [InlineData("gemeente NOT belasting", null)]
    public void A_search_split_over_the_cores_answers_as_one_collected_on_a_single_thread(string query, string? party)
    {
        var request = new SearchRequest { Query = query, Size = 20, Parties = party is null ? [] : [party] };

        var split = Engine(0).Search(request);
        var single = Engine(long.MaxValue).Search(request);

        Assert.True(single.Total > 0, $"{query}: no hits");
        Assert.Equal(Json(single), Json(split));
    }

    private static string Json(SearchResponse r) => System.Text.Json.JsonSerializer.Serialize(r with { TookMs = 0 });

    private SearchEngine Engine(long splitAbove) => new(_index, SearchLimits.Default with { SplitAbove = splitAbove });

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}

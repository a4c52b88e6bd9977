using SearchKamer.Indexing;
using SearchKamer.Ingestion;
using SearchKamer.Search;
using SearchKamer.Reference;

namespace SearchKamer.Tests.Search;

/// <summary>Query forms, filters, facets, grouping, paging, shortcuts and re-ingest on the real corpus.</summary>
[Collection(CorpusIndexCollection.Name)]
public class SearchBehaviourTests(CorpusIndexFixture corpus)
{
    [Fact]
    public void Unbalanced_quote_is_searched_literally_and_says_so()
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "\"deskundige overheid" });
        Assert.True(r.SyntaxRelaxed);
        Assert.True(r.Total > 0);
    }

    [Fact]
    public void Lone_star_browses_everything()
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "*" });
        Assert.Equal(corpus.Documents.Count, r.TotalDocuments);
        Assert.Equal(corpus.Documents.Sum(d => Math.Max(1, d.Questions.Count)), r.Total);
    }

    [Theory]
    [InlineData("party")]
    [InlineData("ministry")]
    [InlineData("minister")]
    [InlineData("asker")]
    [InlineData("year")]
    public void Facet_counts_equal_a_brute_force_count_over_documents(string facet)
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "*", FacetLimit = SearchRequest.AllFacetValues });
        Func<Domain.KamervraagDocument, IEnumerable<string?>> values = facet switch
        {
            "party" => d => d.Askers.Select(a => a.Party),
            "ministry" => d => d.Answerers.Select(a => a.Ministry),
            // A person counts under one spelling of the name (PersonNames, tested on the gold file's names).
            "minister" => d => d.Answerers.Select(a => PersonNames.Canonical(a.Name)),
            "asker" => d => d.Askers.Select(a => PersonNames.Canonical(a.Name)),
            _ => d => [(d.DateReceived ?? d.DateSubmitted)?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)],
        };
        var expected = corpus.Documents.SelectMany(d => values(d).OfType<string>().Where(v => v.Length > 0).Distinct())
            .GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(expected.Count > 1);
        Assert.Equal(expected.OrderBy(kv => kv.Key), r.Facets[facet].ToDictionary(v => v.Value, v => v.Count).OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Selecting_a_party_keeps_the_other_parties_counted()
    {
        var all = corpus.Engine.Search(new SearchRequest { Query = "*" });
        var party = all.Facets["party"][0].Value;
        var selected = corpus.Engine.Search(new SearchRequest { Query = "*", Parties = [party] });
        Assert.Equal(all.Facets["party"].Select(v => (v.Value, v.Count)).Order(), selected.Facets["party"].Select(v => (v.Value, v.Count)).Order());
        Assert.Equal(all.Facets["party"][0].Count, selected.TotalDocuments);
        Assert.All(selected.Documents, d => Assert.Contains(d.Askers, a => a.Party == party));
    }

    [Fact]
    public void Paging_with_a_filter_returns_every_document_exactly_once()
    {
        var request = new SearchRequest { Query = "*", Kinds = ["vragen"], Size = 7 };
        var first = corpus.Engine.Search(request);
        var seen = new List<string>();
        for (var page = 1; (page - 1) * 7 < first.TotalDocuments; page++)
        {
            seen.AddRange(corpus.Engine.Search(request with { Page = page }).Documents.Select(d => d.Id));
        }

        Assert.Equal(corpus.Documents.Count(d => d.Kind == Domain.DocumentKind.Vragen), first.TotalDocuments);
        Assert.Equal(first.TotalDocuments, seen.Distinct().Count());
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public void Newest_first_orders_documents_by_date()
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "minister", Sort = SortOrder.Newest, Size = 50 });
        var dates = r.Documents.Select(d => d.DateReceived ?? d.DateSubmitted ?? DateOnly.MinValue).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public void Date_filter_applies_before_counting()
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "*", From = new DateOnly(2024, 11, 1), To = new DateOnly(2024, 11, 30), Size = 100 });
        var expected = corpus.Documents.Count(d => (d.DateReceived ?? d.DateSubmitted) is { } x && x >= new DateOnly(2024, 11, 1) && x <= new DateOnly(2024, 11, 30));
        Assert.Equal(expected, r.TotalDocuments);
    }

    [Fact]
    public void A_period_narrows_the_facet_counts_and_a_selection_still_counts_its_own_facet_within_it()
    {
        var (from, to) = (new DateOnly(2024, 6, 1), new DateOnly(2025, 5, 31));
        bool InPeriod(Domain.KamervraagDocument d) => (d.DateReceived ?? d.DateSubmitted) is { } x && x >= from && x <= to;
        var inPeriod = corpus.Documents.Where(InPeriod).ToList();
        var party = inPeriod.SelectMany(d => d.Askers.Select(a => a.Party).OfType<string>().Where(p => p.Length > 0).Distinct())
            .GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        static Dictionary<string, int> PartyCounts(IEnumerable<Domain.KamervraagDocument> docs) =>
            docs.SelectMany(d => d.Askers.Select(a => a.Party).OfType<string>().Where(p => p.Length > 0).Distinct())
                .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var selectedDocs = inPeriod.Where(d => d.Askers.Any(a => a.Party == party)).ToList();

        var r = corpus.Engine.Search(new SearchRequest { Query = "*", From = from, To = to, Parties = [party], FacetLimit = SearchRequest.AllFacetValues });

        Assert.True(selectedDocs.Count > 0 && selectedDocs.Count < inPeriod.Count);
        Assert.Equal(selectedDocs.Count, r.TotalDocuments);
        Assert.Equal(PartyCounts(inPeriod).OrderBy(kv => kv.Key), r.Facets["party"].ToDictionary(v => v.Value, v => v.Count).OrderBy(kv => kv.Key));
        Assert.Equal(selectedDocs.GroupBy(d => d.Kind.ToString().ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count()).OrderBy(kv => kv.Key),
            r.Facets["kind"].ToDictionary(v => v.Value, v => v.Count).OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Kind_vergaderjaar_and_an_open_period_filter_like_a_count_over_the_documents()
    {
        var year = corpus.Documents.Where(d => d.Vergaderjaar is not null).GroupBy(d => d.Vergaderjaar).OrderByDescending(g => g.Count()).First().Key!;
        var from = new DateOnly(2024, 6, 1);
        var expected = corpus.Documents.Count(d => d.Kind == Domain.DocumentKind.Antwoord && d.Vergaderjaar == year
            && (d.DateReceived ?? d.DateSubmitted) is { } x && x >= from);

        var r = corpus.Engine.Search(new SearchRequest { Query = "*", Kinds = ["antwoord"], Vergaderjaren = [year], From = from, Size = 100 });
        var undated = corpus.Engine.Search(new SearchRequest { Query = "*", To = new DateOnly(2100, 1, 1), Size = 100 });

        Assert.True(expected > 0);
        Assert.Equal(expected, r.TotalDocuments);
        Assert.Equal(corpus.Documents.Count(d => (d.DateReceived ?? d.DateSubmitted) is not null), undated.TotalDocuments);
    }

    [Theory]
    [InlineData("2025D36086", "ah-tk-20242025-2932")]
    [InlineData("ah-tk-20232024-1314", "ah-tk-20232024-1314")]
    [InlineData("AH-TK-20232024-1314", "ah-tk-20232024-1314")]
    public void An_identifier_goes_straight_to_its_document(string query, string officialId)
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = query });
        Assert.NotNull(r.Shortcut);
        Assert.Equal(officialId, Assert.Single(r.Documents).OfficialId);
    }

    [Fact]
    public void Markup_inside_a_document_is_escaped_in_snippets()
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "escortbureau Nirvana", Size = 20 });
        var snippets = r.Documents.SelectMany(d => d.Questions).Select(q => q.Question).ToList();
        Assert.Contains(snippets, s => s.Contains("&lt;script&gt;", StringComparison.Ordinal));
        Assert.DoesNotContain(snippets, s => s.Contains("<script>", StringComparison.Ordinal));
    }

    [Fact]
    public void Re_ingesting_the_same_and_a_renamed_copy_never_duplicates()
    {
        // Its own index: re-ingesting into the shared corpus index would change what the other tests read.
        var dir = Directory.CreateTempSubdirectory("searchkamer-reingest-").FullName;
        try
        {
            using var index = SearchIndex.OpenForWriting(Path.Combine(dir, "index"));
            var files = FileWalker.Expand([RepoPaths.Corpus], new List<string>());
            IngestPipeline.Run(index, files, 2, _ => { });
            var before = index.DocumentCount();
            var committed = index.LastCommitData()["committed"];

            var again = IngestPipeline.Run(index, files, 2, _ => { });

            Assert.Equal(0, again.Indexed);
            // Nothing changed, so nothing was committed either.
            Assert.Equal(committed, index.LastCommitData()["committed"]);

            var copy = Path.Combine(dir, "kopie-van-1314.pdf");
            File.Copy(RepoPaths.CorpusFile("pdf", "00fe7edd-24c8-4857-98da-774ed3b06836.pdf"), copy);
            IngestPipeline.Run(index, [copy], 1, _ => { });
            Assert.Equal(before, index.DocumentCount());
            Assert.Single(new SearchEngine(index).Search(new SearchRequest { Query = "ah-tk-20232024-1314" }).Documents);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Similar_questions_come_from_other_documents()
    {
        var similar = corpus.Engine.Similar("ah-tk-20242025-2932", 2, 5);
        Assert.NotNull(similar);
        Assert.NotEmpty(similar);
        Assert.DoesNotContain(similar, d => d.OfficialId == "ah-tk-20242025-2932");
    }

    [Fact]
    public void Export_has_one_row_per_question()
    {
        var writer = new StringWriter();
        var count = Export.WriteJsonl(Export.Rows(corpus.Engine.All()), writer);
        Assert.Equal(corpus.Documents.Sum(d => d.Questions.Count), count);
        Assert.Equal(count, writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_bad_page_names_the_parameter()
    {
        var e = Assert.Throws<SearchRequestException>(() => corpus.Engine.Search(new SearchRequest { Page = 0 }));
        Assert.Equal("page", e.Parameter);
    }
}

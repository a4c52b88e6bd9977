using System.Globalization;
using SearchKamer.Domain;
using SearchKamer.Search;
using SearchKamer.Reference;

namespace SearchKamer.Tests.Search;

/// <summary>
/// <see cref="SearchRequest.FacetLimit"/> on the real corpus: a facet ordered by count sends its most frequent values
/// (equal counts by value) plus every selected value, and <see cref="SearchResponse.FacetTotals"/> says how many there
/// were. The oracle counts the parsed documents here, never the engine's full list.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class FacetLimitTests(CorpusIndexFixture corpus)
{
    private static readonly Dictionary<string, Func<KamervraagDocument, IEnumerable<string?>>> Values = new()
    {
        ["party"] = d => d.Askers.Select(a => a.Party),
        ["ministry"] = d => d.Answerers.Select(a => a.Ministry),
        // A person counts under one spelling of the name (PersonNames, tested on the gold file's names).
        ["minister"] = d => d.Answerers.Select(a => PersonNames.Canonical(a.Name)),
        ["asker"] = d => d.Askers.Select(a => PersonNames.Canonical(a.Name)),
        ["year"] = d => [Year(d)],
    };

    [Theory]
    [InlineData("asker", 1)]
    [InlineData("asker", 3)]
    [InlineData("asker", null)]
    [InlineData("minister", 2)]
    [InlineData("minister", null)]
    [InlineData("party", 4)]
    [InlineData("ministry", 5)]
    public void A_facet_by_count_sends_its_most_frequent_values_and_says_how_many_it_has(string facet, int? limit)
    {
        var counts = Count(corpus.Documents, facet);
        var request = new SearchRequest { Query = "*" };
        var expectedLimit = limit ?? 25;
        Assert.True(counts.Count > expectedLimit, $"the corpus has {counts.Count} {facet} values; the test needs more than {expectedLimit}");

        var r = corpus.Engine.Search(limit is { } n ? request with { FacetLimit = n } : request);

        Assert.Equal(Ranked(counts).Take(expectedLimit), r.Facets[facet].Select(v => (v.Value, v.Count)));
        Assert.Equal(counts.Count, r.FacetTotals[facet]);
    }

    [Fact]
    public void A_selected_value_stays_listed_beyond_the_limit_and_at_count_zero()
    {
        // Two askers outside the top 3: one with documents in the chosen year, one without any there.
        var year = Ranked(Count(corpus.Documents, "year")).First().Value;
        var ofYear = corpus.Documents.Where(d => Year(d) == year).ToList();
        var inYear = Ranked(Count(ofYear, "asker")).ToList();
        var beyond = inYear[^1];
        var absent = Ranked(Count(corpus.Documents, "asker")).Select(a => a.Value).First(a => inYear.All(y => y.Value != a));
        Assert.True(inYear.Count > 4, "the year needs more askers than the limit");

        var r = corpus.Engine.Search(new SearchRequest { Query = "*", Years = [year], Askers = [beyond.Value, absent], FacetLimit = 3 });

        // The asker facet is counted without its own selection, so over the year's documents.
        var expected = inYear.Take(3).Append(beyond).Select(v => (v.Value, v.Count, Selected: v == beyond)).Append((absent, 0, true));
        Assert.Equal(expected, r.Facets["asker"].Select(v => (v.Value, v.Count, v.Selected)));
        Assert.Equal(inYear.Count + 1, r.FacetTotals["asker"]);
    }

    [Fact]
    public void Years_and_vergaderjaren_are_never_cut()
    {
        var years = Count(corpus.Documents, "year");
        var vergaderjaren = corpus.Documents.Select(d => d.Vergaderjaar).OfType<string>().Distinct().Count();
        Assert.True(years.Count > 1 && vergaderjaren > 1);

        var r = corpus.Engine.Search(new SearchRequest { Query = "*", FacetLimit = 1 });

        Assert.Equal(years.OrderByDescending(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)), r.Facets["year"].Select(v => (v.Value, v.Count)));
        Assert.Equal(vergaderjaren, r.Facets["vergaderjaar"].Count);
        Assert.Equal(years.Count, r.FacetTotals["year"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_limit_below_one_is_refused_naming_the_parameter(int limit)
    {
        var e = Assert.Throws<SearchRequestException>(() => corpus.Engine.Search(new SearchRequest { Query = "*", FacetLimit = limit }));
        Assert.Equal("facetwaarden", e.Parameter);
    }

    /// <summary>The response's order: most documents first, equal counts by value (ordinal).</summary>
    private static IEnumerable<(string Value, int Count)> Ranked(Dictionary<string, int> counts) =>
        counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value));

    private static Dictionary<string, int> Count(IEnumerable<KamervraagDocument> documents, string facet) =>
        documents.SelectMany(d => Values[facet](d).OfType<string>().Where(v => v.Length > 0).Distinct())
            .GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());

    private static string? Year(KamervraagDocument d) => (d.DateReceived ?? d.DateSubmitted)?.Year.ToString(CultureInfo.InvariantCulture);
}

using SearchKamer.Dossiers;
using SearchKamer.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>
/// A person is one facet value, whichever way the letters print the name, and selecting it finds every document of
/// that person: against an oracle over the parsed documents that folds case, dashes and spaces out of the printed
/// names (<see cref="FilterValues.Key"/>), never from the engine's own facet values.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class PersonFacetTests(CorpusIndexFixture corpus)
{
    [Fact]
    public void A_minister_printed_several_ways_is_one_facet_value_and_one_selection_finds_all_her_documents()
    {
        // The corpus prints this minister four ways; the oracle finds them by their folded form.
        var key = FilterValues.Key("Faber-van de Klashorst");
        var printed = corpus.Documents.SelectMany(d => d.Answerers).Select(a => a.Name).Where(n => FilterValues.Key(n) == key).Distinct().ToList();
        var documents = corpus.Documents.Count(d => d.Answerers.Any(a => FilterValues.Key(a.Name) == key));
        Assert.True(printed.Count > 1, $"the corpus prints her one way only ({string.Join(", ", printed)}); the test needs several");

        var all = corpus.Engine.Search(new SearchRequest { Query = "*", FacetLimit = SearchRequest.AllFacetValues });
        var values = all.Facets[Fields.Minister].Where(v => FilterValues.Key(v.Value) == key).ToList();
        Assert.Equal("Faber-van de Klashorst", Assert.Single(values).Value);
        Assert.Equal(documents, values[0].Count);

        foreach (var name in printed)
        {
            var selected = corpus.Engine.Search(new SearchRequest
            {
                Query = "*",
                Selections = new Dictionary<string, IReadOnlyList<string>> { [Fields.Minister] = [name] },
            });
            Assert.Equal(documents, selected.TotalDocuments);
        }
    }

    [Theory]
    [InlineData(Fields.Minister)]
    [InlineData(Fields.Asker)]
    public void No_two_values_of_a_person_facet_differ_only_in_case_dashes_or_spaces(string field)
    {
        var facet = corpus.Engine.Search(new SearchRequest { Query = "*", FacetLimit = SearchRequest.AllFacetValues }).Facets[field];

        Assert.True(facet.Count > 10, $"{facet.Count} values");
        Assert.Empty(facet.GroupBy(v => FilterValues.Key(v.Value)).Where(g => g.Count() > 1).Select(g => string.Join(" | ", g.Select(v => v.Value))));
    }

    [Fact]
    public void The_answer_times_per_minister_list_a_minister_printed_several_ways_once()
    {
        var today = new DateOnly(2026, 12, 7);
        var dossiers = new DossierReader(corpus.Index).All(today);
        var key = FilterValues.Key("Faber-van de Klashorst");
        var printed = dossiers.SelectMany(d => d.Answerers).Select(a => a.Name).Where(n => FilterValues.Key(n) == key).Distinct().ToList();
        Assert.True(printed.Count > 1, $"her dossiers print her one way only ({string.Join(", ", printed)}); the test needs several");

        var perMinister = DossierStatistics.Build(dossiers, today, LatenessTerms.Default).PerMinister;

        Assert.Empty(perMinister.GroupBy(g => FilterValues.Key(g.Name)).Where(g => g.Count() > 1).Select(g => string.Join(" | ", g.Select(x => x.Name))));
    }
}

using SearchKamer.Domain;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// The facets "soort" and "vergaderjaar", added as rows of <see cref="IndexSchema"/>, on the real corpus: their
/// counts and selections against an oracle computed here from the parsed documents (kind and vergaderjaar as
/// the parser gives them), never from the engine's own output.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class SchemaFacetTests(CorpusIndexFixture corpus)
{
    private static readonly Dictionary<string, Func<KamervraagDocument, string?>> Oracle = new()
    {
        [Fields.Kind] = d => d.Kind switch
        {
            DocumentKind.Vragen => "vragen",
            DocumentKind.Antwoord => "antwoord",
            DocumentKind.NaderAntwoord => "nader-antwoord",
            _ => "mededeling",
        },
        [Fields.Vergaderjaar] = d => d.Vergaderjaar,
    };

    [Theory]
    [InlineData(Fields.Kind)]
    [InlineData(Fields.Vergaderjaar)]
    public void Counts_equal_a_count_over_the_documents(string field)
    {
        var expected = Count(corpus.Documents, field);

        var facet = corpus.Engine.Search(new SearchRequest { Query = "*" }).Facets[field];

        Assert.True(expected.Count > 1, $"the corpus has one {field} only; the test needs several");
        Assert.Equal(expected.OrderBy(kv => kv.Key), facet.ToDictionary(v => v.Value, v => v.Count).OrderBy(kv => kv.Key));
    }

    [Theory]
    [InlineData(Fields.Kind)]
    [InlineData(Fields.Vergaderjaar)]
    public void Selecting_a_value_keeps_the_other_values_of_that_facet_counted(string field)
    {
        var all = Count(corpus.Documents, field);
        var value = all.OrderBy(kv => kv.Value).First().Key;

        var r = corpus.Engine.Search(new SearchRequest { Query = "*", Selections = new Dictionary<string, IReadOnlyList<string>> { [field] = [value] }, Size = 100 });

        // The facet of the selected field counts as if nothing were selected in it; the result holds the selection only.
        Assert.Equal(all.OrderBy(kv => kv.Key), r.Facets[field].ToDictionary(v => v.Value, v => v.Count).OrderBy(kv => kv.Key));
        Assert.Equal([value], r.Facets[field].Where(v => v.Selected).Select(v => v.Value));
        Assert.Equal(all[value], r.TotalDocuments);
        Assert.All(r.Documents, d => Assert.Equal(value, Oracle[field](corpus.Documents.Single(x => DocumentMapper.KeyOf(x) == d.Id))));
    }

    [Fact]
    public void A_soort_selection_narrows_the_vergaderjaar_facet_and_the_other_way_round()
    {
        var kind = Count(corpus.Documents, Fields.Kind).OrderByDescending(kv => kv.Value).First().Key;
        var answers = corpus.Documents.Where(d => Oracle[Fields.Kind](d) == kind).ToList();
        var year = Count(answers, Fields.Vergaderjaar).OrderByDescending(kv => kv.Value).First().Key;
        var ofYear = corpus.Documents.Where(d => d.Vergaderjaar == year).ToList();

        var byKind = corpus.Engine.Search(new SearchRequest { Query = "*", Kinds = [kind] });
        var byYear = corpus.Engine.Search(new SearchRequest { Query = "*", Vergaderjaren = [year] });

        Assert.Equal(Count(answers, Fields.Vergaderjaar).OrderBy(kv => kv.Key), byKind.Facets[Fields.Vergaderjaar].ToDictionary(v => v.Value, v => v.Count).OrderBy(kv => kv.Key));
        Assert.Equal(Count(ofYear, Fields.Kind).OrderBy(kv => kv.Key), byYear.Facets[Fields.Kind].ToDictionary(v => v.Value, v => v.Count).OrderBy(kv => kv.Key));
    }

    [Theory]
    [InlineData("Mededeling ", "mededeling")]
    [InlineData("ANTWOORD", "antwoord")]
    public void A_soort_typed_as_people_write_it_selects_the_kind(string typed, string kind)
    {
        var expected = corpus.Documents.Count(d => Oracle[Fields.Kind](d) == kind);

        var r = corpus.Engine.Search(new SearchRequest { Query = "*", Kinds = [typed] });

        Assert.True(expected > 0);
        Assert.Equal(expected, r.TotalDocuments);
        Assert.Empty(r.FilterNotes);
    }

    [Fact]
    public void An_unknown_soort_finds_nothing_and_names_the_known_ones()
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "*", Kinds = ["brief"] });

        Assert.Equal(0, r.TotalDocuments);
        Assert.Contains(r.FilterNotes, n => n.StartsWith("geen soort ‘brief’ bekend; bedoelde u", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_filter_of_the_schema_is_a_facet_of_the_response_or_declared_not_to_be()
    {
        var facets = corpus.Engine.Search(new SearchRequest { Query = "*" }).Facets;

        Assert.Equal(IndexSchema.Filters.Where(f => f.Filter!.Facet).Select(f => f.Name), facets.Keys);
        Assert.Contains(Fields.Kind, facets.Keys);
        Assert.Contains(Fields.Vergaderjaar, facets.Keys);
    }

    private static Dictionary<string, int> Count(IEnumerable<KamervraagDocument> documents, string field) =>
        documents.Select(Oracle[field]).OfType<string>().GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
}

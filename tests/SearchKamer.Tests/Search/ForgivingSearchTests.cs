using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// Issue 20 on the bundled corpus: filters as people type them, "Bedoelde u" on zero hits, loosely typed ids.
/// Expected documents come from the parsed documents themselves (askers, answerers, ids), not from search output.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class ForgivingSearchTests(CorpusIndexFixture corpus)
{
    private IReadOnlyList<string> DocsWhere(Func<Domain.KamervraagDocument, bool> test) =>
        [.. corpus.Documents.Where(test).Select(d => Indexing.DocumentMapper.KeyOf(d)).Distinct().Order()];

    private IReadOnlyList<string> Found(SearchRequest r) =>
        [.. corpus.Engine.Search(r with { Size = 100 }).Documents.Select(d => d.Id).Order()];

    [Theory]
    [InlineData("Weel")]
    [InlineData("weel")]
    [InlineData("van weel")]
    [InlineData("VAN WEEL")]
    public void A_surname_part_in_any_case_finds_the_minister(string typed)
    {
        var expected = DocsWhere(d => d.Answerers.Any(a => a.Name == "Van Weel"));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Found(new SearchRequest { Ministers = [typed] }));
    }

    [Fact]
    public void A_surname_shared_by_several_people_finds_them_all_with_a_note()
    {
        var r = corpus.Engine.Search(new SearchRequest { Askers = ["van Dijk"], Size = 100 });
        var expected = DocsWhere(d => d.Askers.Any(a => a.Name.EndsWith("van Dijk", StringComparison.OrdinalIgnoreCase)));
        Assert.True(expected.Count >= 2);
        Assert.Equal(expected, [.. r.Documents.Select(d => d.Id).Order()]);
        Assert.Contains(r.FilterNotes, n => n.Contains("Inge van Dijk", StringComparison.Ordinal) && n.Contains("Olger van Dijk", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("BZK")]
    [InlineData("Binnenlandse Zaken")]
    [InlineData("binnenlandse zaken en koninkrijksrelaties")]
    public void Ministry_abbreviations_and_short_names_map_to_the_ministry(string typed)
    {
        var expected = DocsWhere(d => d.Answerers.Any(a => a.Ministry == "Binnenlandse Zaken en Koninkrijksrelaties"));
        Assert.Equal(expected, Found(new SearchRequest { Ministries = [typed] }));
    }

    [Theory]
    [InlineData("VWS", "Volksgezondheid, Welzijn en Sport")]
    [InlineData("JenV", "Justitie en Veiligheid")]
    [InlineData("OCW", "Onderwijs, Cultuur en Wetenschap")]
    public void Other_ministry_abbreviations_map_too(string typed, string ministry)
    {
        Assert.Equal(DocsWhere(d => d.Answerers.Any(a => a.Ministry == ministry)), Found(new SearchRequest { Ministries = [typed] }));
    }

    [Theory]
    [InlineData("sp", "SP")]
    [InlineData("GL-PvdA", "GroenLinks-PvdA")]
    [InlineData("groenlinks pvda", "GroenLinks-PvdA")]
    public void Party_aliases_and_case_map_to_the_party(string typed, string party)
    {
        Assert.Equal(DocsWhere(d => d.Askers.Any(a => a.Party == party)), Found(new SearchRequest { Parties = [typed] }));
    }

    [Fact]
    public void A_calendar_year_as_vergaderjaar_takes_both_vergaderjaren_and_says_so()
    {
        var r = corpus.Engine.Search(new SearchRequest { Vergaderjaren = ["2024"], Size = 100 });
        Assert.Equal(DocsWhere(d => d.Vergaderjaar is "2023-2024" or "2024-2025"), [.. r.Documents.Select(d => d.Id).Order()]);
        Assert.Contains(r.FilterNotes, n => n.Contains("2023-2024", StringComparison.Ordinal) && n.Contains("2024-2025", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_minister_says_so_and_names_the_closest_known()
    {
        var r = corpus.Engine.Search(new SearchRequest { Ministers = ["Veldkap"] });
        Assert.Equal(0, r.Total);
        Assert.Contains(r.FilterNotes, n => n.StartsWith("geen minister ‘Veldkap’ bekend", StringComparison.Ordinal) && n.Contains("Veldkamp", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("stiktsof", "stikstof")]
    [InlineData("restitutiepollis ggz", "restitutiepolis ggz")]
    public void Zero_hits_suggest_the_index_word_for_the_hitless_word_only(string typed, string expected)
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = typed });
        Assert.Equal(0, r.Total);
        Assert.Equal(expected, r.Suggestion);
        Assert.True(corpus.Engine.Search(new SearchRequest { Query = r.Suggestion! }).Total > 0);
    }

    [Fact]
    public void A_search_with_hits_suggests_nothing()
    {
        Assert.Null(corpus.Engine.Search(new SearchRequest { Query = "stikstof" }).Suggestion);
    }

    [Theory]
    [InlineData("2024z18442", "kv-tk-2024z18442")]
    [InlineData("ah tk 20232024 2271", "ah-tk-20232024-2271")]
    [InlineData("AH-TK-20242025-2932", "ah-tk-20242025-2932")]
    public void Loosely_typed_ids_jump_to_their_document(string typed, string id)
    {
        Assert.Equal(id, corpus.Engine.Search(new SearchRequest { Query = typed }).Shortcut);
    }
}

using System.Text.RegularExpressions;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>Stemming, compounds, synonyms, prefix and phrases on real sentences of the bundled corpus.</summary>
[Collection(CorpusIndexCollection.Name)]
public class AnalysisInSearchTests(CorpusIndexFixture corpus)
{
    [Fact]
    public void Singular_finds_plural_through_stemming()
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "gemeente", Size = 100 });
        Assert.Contains(Snippets(r), s => s.Contains("<mark>gemeenten</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Phrase_externe_inhuur_finds_the_seed_answer()
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "\"externe inhuur\"" });
        Assert.Contains(r.Documents, d => d.OfficialId == "ah-tk-20242025-2932");
        Assert.Contains(Snippets(r), s => s.Contains("<mark>externe</mark> <mark>inhuur</mark>", StringComparison.Ordinal)
            || s.Contains("<mark>externe inhuur</mark>", StringComparison.Ordinal));
    }

    [Fact]
    public void Part_of_a_compound_finds_the_compound()
    {
        // "asielbeleid" occurs in the Limburg texts; "asiel" alone must find it through the compound parts.
        var r = corpus.Engine.Search(new SearchRequest { Query = "asielbeleid", Size = 100 });
        var viaPart = corpus.Engine.Search(new SearchRequest { Query = "asiel", Size = 100 });
        Assert.True(r.Total > 0);
        Assert.Superset(r.Documents.Select(d => d.Id).ToHashSet(), viaPart.Documents.Select(d => d.Id).ToHashSet());
    }

    [Fact]
    public void Prefix_query_uses_the_exact_field()
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "gemeente*", Size = 100 });
        Assert.Contains(Snippets(r), s => s.Contains("<mark>gemeentelijke</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Abbreviation_finds_the_full_ministry_name()
    {
        var full = corpus.Engine.Search(new SearchRequest { Query = "\"Binnenlandse Zaken en Koninkrijksrelaties\"", Size = 100 });
        var abbreviation = corpus.Engine.Search(new SearchRequest { Query = "BZK", Size = 100 });
        Assert.True(full.TotalDocuments > 0);
        Assert.Superset(full.Documents.Select(d => d.Id).ToHashSet(), abbreviation.Documents.Select(d => d.Id).ToHashSet());
    }

    [Theory]
    [InlineData("geinformeerd", "geïnformeerd")]
    [InlineData("barriere", "barrière")]
    [InlineData("enquete", "enquête")]
    public void Diacritics_are_folded(string plain, string accented)
    {
        // Real words, not stop words (unlike "één"); the Dutch stemmer drops ë and ï itself, è and ê only folding does.
        var typedPlain = corpus.Engine.Matching(new SearchRequest { Query = plain }).Select(r => (r.DocId, r.Number)).ToHashSet();
        var typedAccented = corpus.Engine.Matching(new SearchRequest { Query = accented }).Select(r => (r.DocId, r.Number)).ToHashSet();
        var withAccent = corpus.Documents.SelectMany(d => d.Questions
                .Where(q => Regex.IsMatch($"{q.Question} {q.Answer}", $@"\b{accented}\b", RegexOptions.IgnoreCase))
                .Select(q => (Indexing.DocumentMapper.KeyOf(d), q.Number)))
            .ToHashSet();

        Assert.NotEmpty(withAccent);
        Assert.Subset(typedPlain, withAccent);
        Assert.Equal(typedAccented.Order(), typedPlain.Order());
    }

    private static IEnumerable<string> Snippets(SearchResponse r) =>
        r.Documents.SelectMany(d => d.Questions).SelectMany(q => new[] { q.Question, q.Answer ?? "" });
}

using SearchKamer.Indexing;
using static SearchKamer.Tests.Analysis.AnalyzerProbe;

namespace SearchKamer.Tests.Analysis;

/// <summary>The exact chain: lower case and folding, nothing removed or stemmed.</summary>
public class ExactChainTests
{
    [Fact]
    public void Keeps_every_word_lower_cased_and_folded()
    {
        const string sentence = "Vragen van de leden Kröger en Gabriëls (beiden GroenLinks-PvdA) aan de";

        var terms = Terms(FieldAnalyzers.Index, Fields.AnswerExact, sentence);

        Assert.Equal(
            ["vragen", "van", "de", "leden", "kroger", "en", "gabriels", "beiden", "groenlinks", "pvda", "aan", "de"],
            terms);
    }

    [Fact]
    public void Keeps_gemeenten_intact_for_prefix_queries()
    {
        const string sentence = "deze lacunes met name zichtbaar zijn bij kleinere gemeenten?";

        var terms = Terms(FieldAnalyzers.Index, Fields.AnswerExact, sentence);

        Assert.Contains("gemeenten", terms);
        Assert.StartsWith("gemeente", terms.Single(t => t.StartsWith("gemeent", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Does_not_split_compounds_or_drop_een()
    {
        const string sentence = "Eerder is wel gebleken dat één ICT-systeem niet in alle gevallen aangaf";

        var tokens = Analyze(FieldAnalyzers.Index, Fields.QuestionExact, sentence);

        Assert.All(tokens, t => Assert.Equal(1, t.PositionIncrement));
        Assert.Contains("een", tokens.Select(t => t.Term));
        Assert.Contains("is", tokens.Select(t => t.Term));
    }

    [Theory]
    [InlineData(Fields.AskerText)]
    [InlineData(Fields.MinisterText)]
    [InlineData(Fields.PartyText)]
    [InlineData(Fields.MinistryText)]
    public void Name_fields_use_the_exact_chain(string field)
    {
        Assert.Equal(["yesilgoz", "zegerius"], Terms(FieldAnalyzers.Index, field, "Yeşilgöz-Zegerius"));
        Assert.True(FieldAnalyzers.IsExactField(field));
    }

    [Fact]
    public void Keyword_fields_stay_one_term_at_query_time()
    {
        Assert.Equal(["Binnenlandse Zaken en Koninkrijksrelaties"], Terms(FieldAnalyzers.Query, Fields.Ministry, "Binnenlandse Zaken en Koninkrijksrelaties"));
    }
}

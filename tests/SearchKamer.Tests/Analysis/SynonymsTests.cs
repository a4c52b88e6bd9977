using SearchKamer.Analysis;

namespace SearchKamer.Tests.Analysis;

public class SynonymsTests
{
    [Fact]
    public void Abbreviation_expands_to_the_ministry_name()
    {
        Assert.Contains("Binnenlandse Zaken en Koninkrijksrelaties", Synonyms.Expand("BZK"));
        Assert.Contains("Volksgezondheid, Welzijn en Sport", Synonyms.Expand("VWS"));
    }

    [Fact]
    public void Ministry_name_expands_to_the_abbreviation()
    {
        Assert.Contains("BZK", Synonyms.Expand("Binnenlandse Zaken en Koninkrijksrelaties"));
        Assert.Equal(["VWS"], Synonyms.Expand("Volksgezondheid, Welzijn en Sport"));
    }

    [Fact]
    public void Matching_ignores_case_diacritics_and_spacing()
    {
        Assert.Equal(Synonyms.Expand("VWS"), Synonyms.Expand("vws"));
        Assert.Contains("BZK", Synonyms.Expand("binnenlandse  zaken en koninkrijksrelaties"));
        Assert.Contains("Fin", Synonyms.Expand("financien"));
        Assert.Contains("Centraal Bureau voor de Statistiek", Synonyms.Expand("cbs"));
    }

    [Fact]
    public void All_forms_of_a_line_expand_to_each_other()
    {
        var forms = Synonyms.Expand("IenW");

        Assert.Contains("I&W", forms);
        Assert.Contains("Infrastructuur en Waterstaat", forms);
        Assert.DoesNotContain("IenW", forms);
    }

    [Fact]
    public void Unknown_input_has_no_synonyms()
    {
        Assert.Empty(Synonyms.Expand("stikstof"));
        Assert.Empty(Synonyms.Expand(""));
    }
}

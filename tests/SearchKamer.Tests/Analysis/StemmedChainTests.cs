using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using SearchKamer.Analysis;
using SearchKamer.Indexing;
using static SearchKamer.Tests.Analysis.AnalyzerProbe;

namespace SearchKamer.Tests.Analysis;

/// <summary>The stemmed chain on real sentences from the bundled corpus.</summary>
public class StemmedChainTests
{
    private const string Gemeentelijke =
        "In lijn hiermee is op 18 juni door de VNG een resolutie aangenomen om de gemeentelijke digitalisering te collectiviseren";

    private const string Gemeenten = "De WRR wijst erop dat kleine gemeenten vaker kampen met uitstroom van personeel";

    private const string Ministers =
        "Vragen van de leden Bikker en Ceder (beiden ChristenUnie) aan de ministers van Volksgezondheid, Welzijn en Sport";

    [Fact]
    public void Gemeente_gemeenten_and_gemeentelijke_share_one_stem()
    {
        var gemeentelijke = Assert.Single(At(Analyze(FieldAnalyzers.Index, "all", Gemeentelijke), Gemeentelijke, "gemeentelijke"));
        var gemeenten = Assert.Single(At(Analyze(FieldAnalyzers.Index, "all", Gemeenten), Gemeenten, "gemeenten"));

        Assert.Equal("gemeent", gemeentelijke.Term);
        Assert.Equal("gemeent", gemeenten.Term);
        Assert.Equal("gemeent", QueryStem("gemeente"));
    }

    [Theory]
    // A voiced last consonant (SingularConsonantFilter).
    [InlineData("ziekenhuizen", "ziekenhuis")]
    [InlineData("bedrijven", "bedrijf")]
    [InlineData("brieven", "brief")]
    [InlineData("adviezen", "advies")]
    [InlineData("initiatieven", "initiatief")]
    [InlineData("effectieve", "effectief")]
    [InlineData("prijzen", "prijs")]
    // An s or en after a vowel (VowelPluralFilter), also as a compound's part.
    [InlineData("organisaties", "organisatie")]
    [InlineData("subsidies", "subsidie")]
    [InlineData("gemeentes", "gemeente")]
    [InlineData("bureaus", "bureau")]
    [InlineData("categorieën", "categorie")]
    [InlineData("ideeën", "idee")]
    [InlineData("zorgorganisaties", "zorgorganisatie")]
    // Another vowel or -eren (stem overrides).
    [InlineData("kinderen", "kind")]
    [InlineData("leden", "lid")]
    public void A_plural_shares_its_singulars_stem_in_the_query_and_index_chains(string plural, string singular)
    {
        Assert.Equal(QueryStem(singular), QueryStem(plural));
        // The index chain too, where a compound's parts follow its stem.
        Assert.Equal(QueryStem(singular), Analyze(FieldAnalyzers.Index, "all", plural).First().Term);
    }

    [Theory]
    [InlineData("crisis")]
    [InlineData("virus")]
    [InlineData("huis")]
    [InlineData("gas")]
    [InlineData("campus")]
    public void A_word_whose_final_s_is_its_own_keeps_it(string word)
    {
        Assert.EndsWith("s", QueryStem(word), StringComparison.Ordinal);
    }

    [Fact]
    public void A_stem_marked_as_a_keyword_keeps_its_last_consonant()
    {
        // Stem overrides mark their stems as keywords (none ends in z or v today): the rule leaves such a stem alone.
        var keywords = new CharArraySet(LuceneVersion.LUCENE_48, new[] { "huiz" }, false);
        var analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var tokenizer = new WhitespaceTokenizer(LuceneVersion.LUCENE_48, reader);
            return new TokenStreamComponents(tokenizer, new SingularConsonantFilter(new SetKeywordMarkerFilter(tokenizer, keywords)));
        });

        var terms = Terms(analyzer, "", "huiz briev");

        Assert.Equal(["huiz", "brief"], terms);
    }

    [Fact]
    public void Minister_and_ministers_share_one_stem_and_minister_is_not_split()
    {
        var ministers = At(Analyze(FieldAnalyzers.Index, "all", Ministers), Ministers, "ministers");

        // One token: "mini" + "sters" would be a false split.
        Assert.Equal("minister", Assert.Single(ministers).Term);
        Assert.Equal("minister", QueryStem("minister"));
    }

    [Fact]
    public void Stop_words_are_dropped_and_leave_a_position_gap()
    {
        var tokens = Analyze(FieldAnalyzers.Index, "all", Gemeentelijke);
        var terms = tokens.Select(t => t.Term).ToList();

        foreach (var stop in new[] { "in", "is", "op", "door", "de", "een", "om", "te" })
        {
            Assert.DoesNotContain(stop, terms);
        }

        // "de VNG": VNG follows the dropped "door de", so it is three positions after "juni".
        Assert.Equal(3, Assert.Single(At(tokens, Gemeentelijke, "VNG")).PositionIncrement);
    }

    [Fact]
    public void Every_word_of_Snowballs_Dutch_stop_list_is_dropped_but_wezen_which_is_also_a_noun()
    {
        var stopList = Lucene.Net.Analysis.Nl.DutchAnalyzer.DefaultStopSet.Select(w => w.ToString()!).ToList();
        Assert.Contains("wezen", stopList);
        Assert.True(stopList.Count > 90, $"Snowball's list ({stopList.Count} words)");

        foreach (var word in stopList)
        {
            var terms = Analyze(FieldAnalyzers.Index, "all", word).Select(t => t.Term).ToList();
            if (word == "wezen")
            {
                Assert.NotEmpty(terms);
            }
            else
            {
                Assert.True(terms.Count == 0, $"{word}: {string.Join(" ", terms)}");
            }
        }
    }

    [Fact]
    public void Een_with_accents_survives_the_stop_filter_and_is_folded()
    {
        const string sentence = "Kunt u bovenstaande vragen één voor één beantwoorden?";

        var terms = Terms(FieldAnalyzers.Index, "all", sentence);

        // Folding runs after the stop filter: "één" (one) is kept, "u" and "voor" are dropped.
        Assert.Equal(2, terms.Count(t => t == "een"));
        Assert.DoesNotContain("u", terms);
        Assert.DoesNotContain("voor", terms);
        Assert.Empty(Terms(FieldAnalyzers.Query, "all", "een"));
    }

    [Fact]
    public void Names_with_diacritics_are_folded()
    {
        const string sentence = "Vragen van het leden Yeşilgöz-Zegerius en Aartsen (beiden VVD) aan de minister";

        var terms = Terms(FieldAnalyzers.Index, "all", sentence);

        Assert.Contains(QueryStem("yesilgoz"), terms);
        Assert.Equal(QueryStem("Yeşilgöz"), QueryStem("yesilgoz"));
        Assert.Equal(QueryStem("Kröger"), QueryStem("kroger"));
    }

    [Fact]
    public void Compound_parts_follow_the_compound_at_the_same_position_with_its_offsets()
    {
        const string sentence = "Daarnaast onderzoek ik maatregelen zoals expertisepools, een integrale personeelsstrategie";

        var tokens = At(Analyze(FieldAnalyzers.Index, "all", sentence), sentence, "personeelsstrategie");

        Assert.Equal(3, tokens.Count);
        Assert.NotEqual(0, tokens[0].PositionIncrement);
        Assert.All(tokens.Skip(1), t => Assert.Equal(0, t.PositionIncrement));
        Assert.Equal(CompoundParts.Mark(QueryStem("personeel")), tokens[1].Term);
        Assert.Equal(CompoundParts.Mark(QueryStem("strategie")), tokens[2].Term);
    }

    [Fact]
    public void Compounds_are_split_only_at_index_time()
    {
        const string sentence = "aan de ministers van Volksgezondheid, Welzijn en Sport";

        var index = At(Analyze(FieldAnalyzers.Index, "all", sentence), sentence, "Volksgezondheid");
        var query = At(Analyze(FieldAnalyzers.Query, "all", sentence), sentence, "Volksgezondheid");

        Assert.Equal([QueryStem("volksgezondheid"), CompoundParts.Mark(QueryStem("volk")), CompoundParts.Mark(QueryStem("gezondheid"))], index.Select(t => t.Term));
        Assert.Single(query);
    }

    [Fact]
    public void Excluded_words_are_not_split()
    {
        const string sentence = "een moderne digitale werkomgeving met de juiste middelen voor ambtenaren";

        var tokens = Analyze(FieldAnalyzers.Index, "all", sentence);

        Assert.Single(At(tokens, sentence, "ambtenaren"));
        Assert.Single(Analyze(FieldAnalyzers.Index, "all", "ondernemers"));
        Assert.Equal(3, At(tokens, sentence, "werkomgeving").Count);
    }

    [Fact]
    public void Overheid_is_not_stemmed_to_over_and_meets_its_plural()
    {
        const string sentence = "Het Rijk monitort de inhuur door decentrale overheden niet";

        var overheden = Assert.Single(At(Analyze(FieldAnalyzers.Index, "all", sentence), sentence, "overheden"));

        Assert.Equal("overheid", overheden.Term);
        Assert.Equal("overheid", QueryStem("overheid"));
        Assert.Equal("weten", QueryStem("weet"));
        Assert.NotEqual(QueryStem("wet"), QueryStem("weten"));
    }
}

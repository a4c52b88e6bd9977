using SearchKamer.Analysis;
using SearchKamer.Indexing;
using SearchKamer.Search;
using SearchKamer.Tests.Analysis;

namespace SearchKamer.Tests.Search;

/// <summary>
/// Every operator and field prefix of the README's query language against an oracle: the pairs
/// that should match, found by scanning the parsed texts and metadata of the bundled corpus in the
/// test itself. Each case also checks that it can tell the operator from its likely breakage (OR for
/// AND, a no-op exclusion, a field searched in the wrong place).
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class QueryLanguageOracleTests(CorpusIndexFixture corpus)
{
    private readonly IReadOnlyList<OraclePair> _pairs = OraclePair.Of(corpus.Documents);
    private readonly Dictionary<OraclePair, HashSet<string>> _stems = new(ReferenceEqualityComparer.Instance);

    [Fact]
    public void Words_must_all_match_by_default()
    {
        var both = Expect(p => Holds(p, "gemeente") && Holds(p, "vergunning"));
        var either = Expect(p => Holds(p, "gemeente") || Holds(p, "vergunning"));

        AssertMatches("gemeente vergunning", both);
        Assert.True(both.Count > 0 && both.Count < either.Count, "the words must tell AND from OR on this corpus");
    }

    [Fact]
    public void Or_matches_either_word()
    {
        var either = Expect(p => OraclePair.HasPrefix(p.Text, "gemeente") || OraclePair.HasPrefix(p.Text, "vergunning"));
        var both = Expect(p => OraclePair.HasPrefix(p.Text, "gemeente") && OraclePair.HasPrefix(p.Text, "vergunning"));

        AssertMatches("gemeente* OR vergunning*", either);
        AssertMatches("gemeente* vergunning*", both);
        Assert.True(both.Count > 0 && both.Count < either.Count);
    }

    [Theory]
    [InlineData("gemeente* -vergunning*")]
    [InlineData("gemeente* NOT vergunning*")]
    public void Not_and_minus_leave_out_pairs_with_the_word(string query)
    {
        var with = Expect(p => OraclePair.HasPrefix(p.Text, "gemeente"));
        var without = Expect(p => OraclePair.HasPrefix(p.Text, "gemeente") && !OraclePair.HasPrefix(p.Text, "vergunning"));

        AssertMatches(query, without);
        Assert.True(without.Count > 0 && without.Count < with.Count, "the excluded word must remove pairs here");
    }

    [Fact]
    public void A_minus_word_on_plain_words_leaves_out_its_stem()
    {
        var without = Expect(p => Holds(p, "gemeente") && !Holds(p, "vergunning"));

        AssertMatches("gemeente -vergunning", without);
        Assert.True(without.Count < Expect(p => Holds(p, "gemeente")).Count);
    }

    [Theory]
    [InlineData("ziekenhuis", "ziekenhuizen")]
    [InlineData("ziekenhuizen", "ziekenhuis")]
    [InlineData("organisatie", "organisaties")]
    [InlineData("organisaties", "organisatie")]
    [InlineData("kind", "kinderen")]
    public void A_singular_and_its_plural_find_each_other(string query, string other)
    {
        var withOther = Expect(p => p.Text.Contains(other) && !p.Text.Contains(query) && p.Document.Questions.Count > 0);
        var found = corpus.Engine.Matching(new SearchRequest { Query = query }).Select(row => (row.DocId, row.Number)).ToHashSet();

        Assert.NotEmpty(withOther);
        Assert.Subset(found, withOther);
    }

    [Fact]
    public void A_phrase_matches_only_words_standing_together_in_question_or_answer()
    {
        // Stop words count in a phrase: it is searched word for word in the exact fields.
        var phrase = Expect(p => OraclePair.HasPhrase(p.Question, "de", "minister") || OraclePair.HasPhrase(p.Answer, "de", "minister"));
        var apart = Expect(p => p.Text.Contains("de") && p.Text.Contains("minister"));

        AssertMatches("\"de minister\"", phrase);
        Assert.True(phrase.Count > 0 && phrase.Count < apart.Count, "the phrase must be stricter than its words");
    }

    [Fact]
    public void A_near_phrase_allows_that_many_words_between()
    {
        var near = Expect(p => OraclePair.HasNear(p.Question, "bent", "bereid", 3) || OraclePair.HasNear(p.Answer, "bent", "bereid", 3));
        var together = Expect(p => OraclePair.HasPhrase(p.Question, "bent", "bereid") || OraclePair.HasPhrase(p.Answer, "bent", "bereid"));
        var anywhere = Expect(p => p.Text.Contains("bent") && p.Text.Contains("bereid"));

        AssertMatches("\"bent bereid\"~3", near);
        Assert.True(near.Count > together.Count, "the slop must find more than the plain phrase");
        Assert.True(near.Count < anywhere.Count, "the slop must find less than the words anywhere");
    }

    [Fact]
    public void A_prefix_matches_every_word_that_starts_with_it()
    {
        var expected = Expect(p => OraclePair.HasPrefix(p.Text, "politie"));
        var exactWord = Expect(p => p.Text.Contains("politie"));

        AssertMatches("politie*", expected);
        Assert.True(expected.Count > exactWord.Count, "the prefix must find longer words too");
    }

    [Theory]
    [InlineData("vraag:gemeente*", "question")]
    [InlineData("antwoord:gemeente*", "answer")]
    [InlineData("onderwerp:vergunning*", "subject")]
    public void A_text_field_prefix_searches_only_that_text(string query, string part)
    {
        var word = query[(query.IndexOf(':', StringComparison.Ordinal) + 1)..].TrimEnd('*');
        Func<OraclePair, IEnumerable<string>> text = part switch
        {
            "question" => p => p.Question,
            "answer" => p => p.Answer,
            _ => p => p.Subject,
        };
        var expected = Expect(p => OraclePair.HasPrefix(text(p), word));

        AssertMatches(query, expected);
        Assert.True(expected.Count > 0);
        Assert.NotEqual(Expect(p => OraclePair.HasPrefix(p.Text, word)), expected);
    }

    [Theory]
    [InlineData("indiener:chakor", "asker")]
    [InlineData("partij:sp", "party")]
    [InlineData("minister:weel", "minister")]
    [InlineData("ministerie:justitie", "ministry")]
    public void A_name_field_prefix_searches_only_that_metadata(string query, string field)
    {
        var word = query[(query.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var expected = Expect(p => Names(p, field).Contains(word));
        var elsewhere = new[] { "asker", "party", "minister", "ministry" }.Where(f => f != field)
            .Select(f => Expect(p => Names(p, f).Contains(word)));

        AssertMatches(query, expected);
        Assert.True(expected.Count > 0);
        // The same word in any other field would find other pairs, so a field mapped wrongly fails.
        Assert.All(elsewhere, other => Assert.NotEqual(other, expected));
    }

    [Fact]
    public void A_subject_word_finds_every_pair_of_the_documents_whose_subject_holds_it()
    {
        // The subject is indexed on the document record alone; every pair of the document is a hit.
        var stem = Stem("vergunning");
        var holding = corpus.Documents.Where(d => AnalyzerProbe.Terms(DutchAnalysis.StemmedIndex, Fields.Subject, d.Subject ?? "")
            .Intersect([stem, CompoundParts.Mark(stem)]).Any()).Select(DocumentMapper.KeyOf).ToHashSet();
        var expected = Expect(p => holding.Contains(p.Key));

        AssertMatches("onderwerp:vergunning", expected);
        Assert.True(expected.Count > 0);
        Assert.NotEqual(Expect(p => Holds(p, "vergunning")), expected);
    }

    [Fact]
    public void A_field_combines_with_words_by_and()
    {
        var expected = Expect(p => Names(p, "party").Contains("sp") && OraclePair.HasPrefix(p.Text, "gemeente"));

        AssertMatches("partij:sp gemeente*", expected);
        Assert.True(expected.Count > 0 && expected.Count < Expect(p => Names(p, "party").Contains("sp")).Count);
    }

    [Fact]
    public void A_zaak_number_of_one_document_goes_straight_to_it()
    {
        var (zaak, document) = corpus.Documents.SelectMany(d => d.ZaakNumbers.Distinct().Select(z => (Zaak: z, Document: d)))
            .GroupBy(x => x.Zaak).Where(g => g.Count() == 1).Select(g => g.Single()).First();

        foreach (var typed in new[] { zaak, zaak.ToLowerInvariant() })
        {
            var r = corpus.Engine.Search(new SearchRequest { Query = typed });

            Assert.Equal(DocumentMapper.KeyOf(document), r.Shortcut);
            Assert.Equal(DocumentMapper.KeyOf(document), Assert.Single(r.Documents).Id);
        }
    }

    [Fact]
    public void A_zaak_number_of_several_documents_opens_its_question_set_or_lists_those_documents()
    {
        var shared = corpus.Documents.SelectMany(d => d.ZaakNumbers.Distinct().Select(z => (Zaak: z, Document: d)))
            .GroupBy(x => x.Zaak).First(g => g.Count() > 1);
        var expected = shared.Select(x => DocumentMapper.KeyOf(x.Document)).Order().ToList();

        var r = corpus.Engine.Search(new SearchRequest { Query = shared.Key, Size = 100 });

        // The zaak's question set stands for its dossier (its page shows every member); without exactly one
        // question set the zaak's documents are listed. The bundled corpus has one shared zaak, with its set.
        var sets = shared.Where(x => x.Document.Kind == Domain.DocumentKind.Vragen).Select(x => DocumentMapper.KeyOf(x.Document)).ToList();
        if (sets.Count == 1)
        {
            Assert.Equal(sets[0], r.Shortcut);
            Assert.Contains(sets[0], expected);
            return;
        }

        Assert.Null(r.Shortcut);
        Assert.Equal(expected, r.Documents.Select(d => d.Id).Order().ToList());
    }

    [Fact]
    public void A_zaak_number_of_several_documents_reads_as_the_pairs_of_those_documents()
    {
        // What a zaak without one question set lists; the bundled corpus's shared zaak has its set, so the query is asked here.
        var zaak = corpus.Documents.SelectMany(d => d.ZaakNumbers.Distinct().Select(z => (Zaak: z, Document: d)))
            .GroupBy(x => x.Zaak).First(g => g.Count() > 1);
        var members = zaak.Select(x => x.Document).ToList();

        var found = corpus.Index.Read(searcher =>
        {
            var query = Shortcuts.ZaakOfSeveral(searcher, zaak.Key);
            Assert.NotNull(query);
            // Pairs only: the records are no hits (the collector passes them by).
            var keys = new List<string>();
            foreach (var block in searcher.Search(query, 10_000).ScoreDocs.Select(h => HitBlocks.Of(searcher, h.Doc)).Where(b => !b.IsRecord))
            {
                keys.Add(StoredRecord.Load(searcher, block.Record).Key);
            }

            return keys;
        });

        Assert.Equal(members.Select(DocumentMapper.KeyOf).Order(), found.Distinct().Order());
        Assert.Equal(members.Sum(d => DocumentMapper.Pairs(d).Count), found.Count);
    }

    /// <summary>
    /// Any input gets an answer, and the answer is the README's reading of it: invalid syntax searched
    /// literally as its words, "/" a separator, stop words alone searched word for word, a lone exclusion
    /// everything without the word, input with no words at all nothing (and a notice saying so).
    /// </summary>
    [Theory]
    [InlineData("\"unbalanced", true, "words", "unbalanced")]
    [InlineData("\"gemeente", true, "words", "gemeente")]
    [InlineData("(open", true, "words", "open")]
    [InlineData("*", false, "all", "")]
    [InlineData("/", false, "all", "")]
    [InlineData("gemeente/vergunning", false, "words", "gemeente vergunning")]
    [InlineData("F-35", false, "together", "f 35")]
    [InlineData("ETS-2", false, "together", "ets 2")]
    [InlineData("'s-Gravenhage", false, "words", "s gravenhage")]
    [InlineData("“de minister” gemeente", false, "phrase+words", "de minister|gemeente")]
    [InlineData("de van het", false, "exact", "de van het")]
    [InlineData("AND OR NOT", true, "words", "and or not")]
    [InlineData("vraag:", true, "words", "vraag")]
    [InlineData("onbekendveld:waarde", true, "words", "onbekendveld waarde")]
    [InlineData("~ ^ [ ] { } \\ !", true, "none", "")]
    [InlineData("-gemeente", false, "without", "gemeente")]
    [InlineData("<script>alert(1)</script>", false, "words", "script alert 1")]
    public void Any_input_gives_the_answer_its_literal_reading_predicts(string query, bool relaxed, string reading, string words)
    {
        var split = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var expected = reading switch
        {
            "all" => Expect(_ => true),
            "none" => [],
            "words" => Expect(p => split.All(w => Holds(p, w))),
            "together" => Expect(p => OraclePair.HasPhrase(p.Question, split) || OraclePair.HasPhrase(p.Answer, split)),
            "phrase+words" => Expect(p => (OraclePair.HasPhrase(p.Question, "de", "minister") || OraclePair.HasPhrase(p.Answer, "de", "minister")) && Holds(p, "gemeente")),
            "exact" => Expect(p => split.All(w => p.Question.Contains(w) || p.Answer.Contains(w))),
            _ => Expect(p => !split.Any(w => Holds(p, w))),
        };

        var r = AssertMatches(query, expected, relaxed);
        Assert.Equal(reading == "none", r.Notice?.Contains("geen doorzoekbare woorden", StringComparison.Ordinal) == true);
        Assert.Equal(Math.Min(r.TotalDocuments, 10), r.Documents.Count);
    }

    private static HashSet<string> Names(OraclePair p, string field) => field switch
    {
        "asker" => [.. p.Document.Askers.SelectMany(a => OraclePair.Words(a.Name))],
        "party" => [.. p.Document.Askers.SelectMany(a => OraclePair.Words(a.Party))],
        "minister" => [.. p.Document.Answerers.SelectMany(a => OraclePair.Words($"{a.Role} {a.Name}"))],
        _ => [.. p.Document.Answerers.SelectMany(a => OraclePair.Words($"{a.Ministry} {a.Portfolio}"))],
    };

    /// <summary>
    /// The stemmed terms of a pair's texts: the analysis chain (tested on its own in Analysis/) serves
    /// as the tokenizer; which pairs a query matches is still decided here, not by the engine.
    /// </summary>
    private HashSet<string> Stems(OraclePair p)
    {
        if (!_stems.TryGetValue(p, out var stems))
        {
            stems =
            [
                .. AnalyzerProbe.Terms(DutchAnalysis.StemmedIndex, Fields.Question, p.QuestionText),
                .. AnalyzerProbe.Terms(DutchAnalysis.StemmedIndex, Fields.Answer, p.AnswerText),
            ];
            _stems[p] = stems;
        }

        return stems;
    }

    private static string Stem(string word) => AnalyzerProbe.QueryStem(word);

    /// <summary>A plain word matches its stem, or a compound that holds it as a part (indexed as a marked term).</summary>
    private bool Holds(OraclePair p, string word) => Stems(p).Contains(Stem(word)) || Stems(p).Contains(CompoundParts.Mark(Stem(word)));

    private HashSet<(string Key, int Number)> Expect(Func<OraclePair, bool> matches) =>
        [.. _pairs.Where(matches).Select(p => (p.Key, p.Number))];

    private SearchResponse AssertMatches(string query, HashSet<(string Key, int Number)> expected, bool relaxed = false)
    {
        var request = new SearchRequest { Query = query };
        var r = corpus.Engine.Search(request);
        var found = corpus.Engine.Matching(request).Select(row => (row.DocId, row.Number)).ToHashSet();
        var withQuestions = expected.Where(e => _pairs.Any(p => (p.Key, p.Number) == e && p.Document.Questions.Count > 0)).ToHashSet();

        Assert.True(relaxed == r.SyntaxRelaxed, $"{query}: syntaxRelaxed {r.SyntaxRelaxed}, expected {relaxed}");
        Assert.Equal(expected.Count, r.Total);
        Assert.Equal(expected.Select(e => e.Key).Distinct().Count(), r.TotalDocuments);
        Assert.Equal(withQuestions.Order(), found.Order());
        return r;
    }
}

using System.Text.RegularExpressions;
using Lucene.Net.Search;
using SearchKamer.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>What the snippets of real answers mark, for each query form.</summary>
[Collection(CorpusIndexCollection.Name)]
public partial class HighlightingTests(CorpusIndexFixture corpus)
{
    /// <summary>
    /// Oracle: the same query with its word and nearness clauses as plain Lucene queries, so every term (the
    /// written form in the exact field included) is sought in its own field, over every text of the corpus.
    /// </summary>
    [Theory]
    [InlineData("minister")]
    [InlineData("externe inhuur")]
    [InlineData("gemeente belasting")]
    [InlineData("Kamervragen beantwoord")]
    [InlineData("asiel")]
    public void A_plain_word_marks_what_its_stem_written_form_and_nearness_would_each_mark(string input)
    {
        var query = QueryReader.Read(input, SearchIn.Both).Query!;
        var (fast, full) = (new Highlighter(query), new Highlighter(Plain(query)));
        var texts = corpus.Documents.SelectMany(d => d.Questions.SelectMany(q =>
            new[] { (Field: Fields.Question, Text: q.Question), (Field: Fields.Answer, Text: Indexing.DocumentMapper.AnswerOf(d, q)) }));

        var marked = 0;
        foreach (var (field, text) in texts.Where(t => !string.IsNullOrEmpty(t.Text)))
        {
            var snippet = fast.Snippet(field, text);
            Assert.Equal(full.Snippet(field, text), snippet);
            marked += snippet.Contains("<mark>", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.True(marked > 0, $"{input} marks nothing in the corpus");
    }

    /// <summary>
    /// Oracle: each shown snippet analysed again in full by a highlighter that knows nothing of the page. The page's
    /// highlighter skips the texts whose pair holds none of the marked words in the index; it must show them the same.
    /// </summary>
    [Theory]
    [InlineData("minister")]
    [InlineData("externe inhuur")]
    [InlineData("\"externe inhuur\"")]
    [InlineData("gemeente OR provincie")]
    [InlineData("jeugdzorg -gemeente")]
    [InlineData("inhuur*")]
    [InlineData("ministr~")]
    [InlineData("vraag:asiel OR antwoord:gemeente")]
    [InlineData("zorg")]
    [InlineData("\"van de minister\" OR \"in het\"")]
    [InlineData("\"de minister\"~3 risico")]
    [InlineData("financiën OR één")]
    [InlineData("tweedekamer.nl OR www")]
    [InlineData("2023 kamerbrief")]
    public void A_pages_snippets_are_the_same_when_texts_without_a_marked_word_are_not_analysed_again(string input)
    {
        var response = corpus.Engine.Search(new SearchRequest { Query = input, Size = 20 });
        var full = new Highlighter(QueryReader.Read(input, SearchIn.Both, SearchLimits.Default.MaxExpansions).Query!);
        Assert.NotEmpty(response.Documents);

        var plain = 0;
        foreach (var hit in response.Documents)
        {
            var document = corpus.Engine.Get(hit.Id)!;
            foreach (var shown in hit.Questions)
            {
                var pair = Indexing.DocumentMapper.Pairs(document).Single(p => p.Number == shown.Number);
                Assert.Equal(full.Snippet(Fields.Question, pair.Question), shown.Question);
                var answer = Indexing.DocumentMapper.AnswerOf(document, pair);
                Assert.Equal(string.IsNullOrEmpty(answer) ? null : full.Snippet(Fields.Answer, answer), shown.Answer);
                plain += new[] { shown.Question, shown.Answer }.Count(s => s is not null && !s.Contains("<mark>", StringComparison.Ordinal));
            }
        }

        // Texts without a mark are what the page's highlighter skips: without them this compares nothing it does.
        if (input is "minister" or "gemeente OR provincie")
        {
            Assert.True(plain > 0, $"{input}: every shown text holds a mark");
        }
    }

    [Fact]
    public void A_compound_is_marked_whole_when_its_part_is_searched()
    {
        var snippets = Snippets(new SearchRequest { Query = "asiel", Size = 100 });
        Assert.Contains(snippets, s => s.Contains("<mark>asielbeleid</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Fuzzy_and_wildcard_terms_mark_the_words_they_match_in_the_text()
    {
        Assert.Contains(Snippets(new SearchRequest { Query = "gemeentn~", Size = 100 }), s => s.Contains("<mark>gemeenten</mark>", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(Snippets(new SearchRequest { Query = "gem??nte", Size = 100 }), s => s.Contains("<mark>gemeente</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_marked_word_of_a_phrase_stands_in_the_phrase()
    {
        const string Pair = "<mark>de</mark> <mark>kamer</mark>";
        var snippets = Snippets(new SearchRequest { Query = "\"de kamer\"", Size = 100 }).ToList();
        var unmarked = snippets.Select(s => Regex.Replace(s, "</?mark>", "")).ToList();

        Assert.Contains(snippets, s => s.Contains(Pair, StringComparison.OrdinalIgnoreCase));
        // Both words also stand apart in these snippets, so marking every occurrence of either would show.
        Assert.Contains(unmarked, s => Regex.IsMatch(s, @"\bde\b(?! kamer\b)", RegexOptions.IgnoreCase));
        Assert.Contains(unmarked, s => Regex.IsMatch(s, @"(?<!\bde )\bkamer\b", RegexOptions.IgnoreCase));
        // A window may end inside the phrase: its first word then stands last in the window (and the other way round).
        Assert.All(snippets.SelectMany(s => s.Split(" … ")), w => Assert.DoesNotContain("<mark>", Regex.Replace(
            Regex.Replace(w, Pair, "", RegexOptions.IgnoreCase), "<mark>de</mark>$|^<mark>kamer</mark>", "", RegexOptions.IgnoreCase), StringComparison.Ordinal));
    }

    [Fact]
    public void A_phrase_with_the_largest_slop_is_marked()
    {
        var snippets = Snippets(new SearchRequest { Query = "\"externe inhuur\"~2147483647", Size = 100 });
        Assert.Contains(snippets, s => s.Contains("<mark>externe</mark>", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_short_question_is_shown_whole()
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "externe", In = SearchIn.Question, Size = 100 });
        var shortOnes = r.Documents
            .SelectMany(d => d.Questions.Select(q => (Shown: q.Question, Text: corpus.Documents
                .Single(x => Indexing.DocumentMapper.KeyOf(x) == d.Id).Questions.First(x => x.Number == q.Number).Question)))
            .Where(x => x.Text.Length < 200).ToList();

        Assert.NotEmpty(shortOnes);
        Assert.All(shortOnes, x => Assert.Equal(x.Text.Trim(), System.Net.WebUtility.HtmlDecode(Regex.Replace(x.Shown, "</?mark>", ""))));
    }

    [Fact]
    public void A_question_only_search_marks_no_answer()
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "gemeente", In = SearchIn.Question, Size = 100 });
        var questions = r.Documents.SelectMany(d => d.Questions).ToList();
        Assert.Contains(questions, q => q.Question.Contains("<mark>", StringComparison.Ordinal));
        Assert.DoesNotContain(questions, q => q.Answer?.Contains("<mark>", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void A_snippet_shows_at_most_two_windows_of_a_long_answer()
    {
        var r = corpus.Engine.Search(new SearchRequest { Query = "gemeente", In = SearchIn.Answer, Size = 100 });
        var shown = r.Documents.SelectMany(d => d.Questions.Select(q => (Snippet: q.Answer ?? "", Text: AnswerText(d.Id, q.Number)))).ToList();
        var longOnes = shown.Where(x => x.Text.Length > 2000).ToList();

        Assert.NotEmpty(longOnes);
        Assert.All(shown, x => Assert.True(x.Snippet.Split(" … ").Length <= 2, x.Snippet));
        // About 220 characters a window: a few words more where a window ends at a whole word.
        Assert.All(longOnes, x => Assert.All(x.Snippet.Split(" … "), w => Assert.InRange(Regex.Replace(w, "<[^>]+>", "").Length, 100, 260)));
    }

    private string AnswerText(string id, int number) =>
        corpus.Documents.Single(d => Indexing.DocumentMapper.KeyOf(d) == id).Questions.Single(q => q.Number == number).Answer ?? "";

    private IEnumerable<string> Snippets(SearchRequest request) =>
        corpus.Engine.Search(request).Documents.SelectMany(d => d.Questions).SelectMany(q => new[] { q.Question, q.Answer ?? "" });

    [GeneratedRegex("<mark>([^<]*)</mark>")]
    private static partial Regex Marked();

    private static Query Plain(Query query)
    {
        switch (query)
        {
            case NearbyWordsQuery near:
                var phrase = new PhraseQuery { Slop = near.Slop, Boost = near.Boost };
                foreach (var (term, position) in near.GetTerms().Zip(near.GetPositions()))
                {
                    phrase.Add(term, position);
                }

                return phrase;
            case BooleanQuery b:
                var plain = new BooleanQuery(b.CoordDisabled) { Boost = b.Boost };
                foreach (var c in b.Clauses)
                {
                    plain.Add(Plain(c.Query), c.Occur);
                }

                return plain;
            default:
                return query;
        }
    }
}

using System.Text.RegularExpressions;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>What the snippets of real answers mark, for each query form.</summary>
[Collection(CorpusIndexCollection.Name)]
public partial class HighlightingTests(CorpusIndexFixture corpus)
{
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
        var snippets = Snippets(new SearchRequest { Query = "\"externe inhuur\"", Size = 100 });
        var marked = snippets.SelectMany(s => Marked().Matches(s)).Select(m => m.Groups[1].Value.ToLowerInvariant()).ToList();
        Assert.Contains("externe", marked);
        Assert.All(snippets, s => Assert.Equal(
            Regex.Count(s, "<mark>externe</mark>", RegexOptions.IgnoreCase),
            Regex.Count(s, "<mark>externe</mark> <mark>inhuur</mark>", RegexOptions.IgnoreCase)));
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
        var answers = Snippets(new SearchRequest { Query = "gemeente", In = SearchIn.Answer, Size = 100 }).ToList();
        var longest = corpus.Documents.SelectMany(d => d.Questions).Max(q => q.Answer?.Length ?? 0);
        Assert.True(longest > 2000);
        Assert.All(answers, s => Assert.True(s.Split(" … ").Length <= 2, s));
        Assert.All(answers, s => Assert.True(Regex.Replace(s, "<[^>]+>", "").Length < 1000, s));
    }

    private IEnumerable<string> Snippets(SearchRequest request) =>
        corpus.Engine.Search(request).Documents.SelectMany(d => d.Questions).SelectMany(q => new[] { q.Question, q.Answer ?? "" });

    [GeneratedRegex("<mark>([^<]*)</mark>")]
    private static partial Regex Marked();
}

using Lucene.Net.Search;
using System.Text.RegularExpressions;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>Input of plain words skips the generated parser; the query built must be the very one the parser builds.</summary>
[Collection(CorpusIndexCollection.Name)]
public partial class PlainWordsTests(CorpusIndexFixture corpus)
{
    [Theory]
    [InlineData("gemeente")]
    [InlineData("externe inhuur")]
    [InlineData("de minister")]
    [InlineData("minister de")]
    [InlineData("de")]
    [InlineData("één Kröger")]
    [InlineData("2024 begroting  jeugdzorg")]
    public void Plain_words_build_the_query_the_parser_builds(string input)
    {
        foreach (var fields in new[] { SearchIn.Both, SearchIn.Question, SearchIn.Answer }.Select(FieldAliases.TextFields))
        {
            Assert.Equal(new UserQueryParser(fields).Parse(input), Required(new UserQueryParser(fields).ParseWords(input.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        }
    }

    [Fact]
    public void Every_three_word_run_of_the_corpus_questions_builds_the_parsers_query()
    {
        var runs = corpus.Documents.SelectMany(d => d.Questions).Take(200)
            .Select(q => Words().Matches(q.Question).Select(m => m.Value).Take(3).ToArray())
            .Where(w => w.Length == 3 && !w.Any(x => x is "AND" or "OR" or "NOT")).ToList();
        Assert.True(runs.Count > 100);
        var fields = FieldAliases.TextFields(SearchIn.Both);
        Assert.All(runs, words => Assert.Equal(new UserQueryParser(fields).Parse(string.Join(' ', words)), Required(new UserQueryParser(fields).ParseWords(words))));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    /// <summary>Plain words add an optional proximity phrase (issue 20) that the parser does not; the rest must be the same.</summary>
    private static Query? Required(Query? q)
    {
        if (q is not BooleanQuery b || !b.Clauses.Any(c => c.Occur == Occur.SHOULD && c.Query is PhraseQuery))
        {
            return q;
        }

        var required = new BooleanQuery();
        foreach (var c in b.Clauses.Where(c => c.Occur != Occur.SHOULD))
        {
            required.Add(c);
        }

        return required;
    }
}

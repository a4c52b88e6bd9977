using System.Net;
using System.Text.RegularExpressions;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>
/// Issue 20: every snippet piece of a set of searches on the corpus starts and ends at a word boundary of
/// the real text, and "…" stands wherever text was left out. The oracle is the pair text of the parsed document.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public partial class SnippetBoundaryTests(CorpusIndexFixture corpus)
{
    [GeneratedRegex("</?mark>")]
    private static partial Regex Mark();

    [Theory]
    [InlineData("stikstof")]
    [InlineData("huisarts")]
    [InlineData("wachttijden")]
    [InlineData("minister")]
    [InlineData("risico")]
    [InlineData("gemeente")]
    public void Snippets_start_and_end_at_word_boundaries_with_an_ellipsis_where_cut(string query)
    {
        var checkedPieces = 0;
        var r = corpus.Engine.Search(new SearchRequest { Query = query, Size = 20 });
        foreach (var doc in r.Documents)
        {
            var source = corpus.Documents.First(d => Indexing.DocumentMapper.KeyOf(d) == doc.Id);
            foreach (var q in doc.Questions)
            {
                var pair = Indexing.DocumentMapper.Pairs(source).First(p => p.Number == q.Number);
                checkedPieces += Check(q.Question, pair.Question);
                if (q.Answer is not null)
                {
                    checkedPieces += Check(q.Answer, Indexing.DocumentMapper.AnswerOf(source, pair));
                }
            }
        }

        Assert.True(checkedPieces > 0);
    }

    private static int Check(string snippetHtml, string text)
    {
        var snippet = WebUtility.HtmlDecode(Mark().Replace(snippetHtml, ""));
        var pieces = snippet.Split(" … ");
        var leading = pieces[0].StartsWith("… ", StringComparison.Ordinal);
        var trailing = pieces[^1].EndsWith(" …", StringComparison.Ordinal);
        pieces[0] = leading ? pieces[0][2..] : pieces[0];
        pieces[^1] = trailing ? pieces[^1][..^2] : pieces[^1];
        var searchFrom = 0;
        for (var i = 0; i < pieces.Length; i++)
        {
            var at = text.IndexOf(pieces[i], searchFrom, StringComparison.Ordinal);
            Assert.True(at >= 0, $"piece not in text: «{pieces[i]}»");
            var end = at + pieces[i].Length;
            Assert.True(at == 0 || !char.IsLetterOrDigit(text[at - 1]), $"starts inside a word: «{pieces[i]}»");
            Assert.True(end == text.Length || !char.IsLetterOrDigit(text[end]), $"ends inside a word: «{pieces[i]}»");
            Assert.Equal(i == 0 ? at > 0 : true, i == 0 ? leading : true);
            Assert.Equal(i == pieces.Length - 1 ? end < text.Trim().Length : true, i == pieces.Length - 1 ? trailing : true);
            searchFrom = end;
        }

        return pieces.Length;
    }
}

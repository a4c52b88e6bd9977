using System.Text.RegularExpressions;
using SearchKamer.Domain;
using SearchKamer.Indexing;

namespace SearchKamer.Tests.Host;

/// <summary>
/// Issue 20 on the host as it serves the bundled corpus (its bootstrap merges the index into one segment, so no
/// deleted record props up a word's count as in the engine's test index): a question set and the answer letter
/// of its zaak find each other among the first three similar questions, question by question, both ways.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class SimilarQuestionsOnHostTests(HostFixture host)
{
    /// <summary>Every bundled question set with a bundled answer of the same zaak, read from the files themselves.</summary>
    private static readonly Lazy<List<(string Set, string Answer, int Number)>> Linked = new(() =>
    {
        var docs = BundledCorpus.Documents;
        return [.. from set in docs.Where(d => d.Kind == DocumentKind.Vragen)
                   from answer in docs.Where(d => d.Kind == DocumentKind.Antwoord && d.ZaakNumbers.Intersect(set.ZaakNumbers).Any())
                   from number in set.Questions.Select(q => q.Number).Intersect(answer.Questions.Select(q => q.Number))
                   select (DocumentMapper.KeyOf(set), DocumentMapper.KeyOf(answer), number)];
    });

    [GeneratedRegex(@"<section class=""similar"".*?</section>", RegexOptions.Singleline)]
    private static partial Regex SimilarSection();

    [GeneratedRegex(@"<li><a href=""/document/(?<id>[^""#]+)")]
    private static partial Regex SimilarItem();

    [Fact]
    public async Task A_question_set_and_its_answer_letter_find_each_other_in_the_top_three_question_by_question()
    {
        Assert.NotEmpty(Linked.Value);
        var missing = new List<string>();
        foreach (var (set, answer, number) in Linked.Value)
        {
            foreach (var (from, to) in new[] { (set, answer), (answer, set) })
            {
                var similar = await host.Json($"/api/documents/{from}/similar?vraag={number}");
                var top = similar.EnumerateArray().Take(3).Select(d => d.GetProperty("id").GetString()).ToList();
                if (!top.Contains(to))
                {
                    missing.Add($"{from} vraag {number}: {to} not in [{string.Join(", ", top)}]");
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task A_question_set_page_lists_its_answer_letter_under_vergelijkbare_vragen_and_links_there_from_the_question()
    {
        var (set, answer, number) = Linked.Value[0];
        var html = await host.Html($"/document/{set}?vraag={number}");

        var items = SimilarItem().Matches(SimilarSection().Match(html).Value).Select(m => m.Groups["id"].Value).Take(3);
        Assert.Contains(answer, items);
        var question = Regex.Match(html, $@"<section class=""qa"" id=""vraag-{number}"">.*?</section>", RegexOptions.Singleline).Value;
        Assert.Contains("<a href=\"#vergelijkbaar\">Vergelijkbare vragen</a>", question);
    }
}

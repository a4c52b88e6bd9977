using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SearchKamer.Domain;
using SearchKamer.Indexing;

namespace SearchKamer.Tests.Search;

/// <summary>
/// One searchable question–answer pair as the test sees it, read from the parsed documents and not
/// from the index: the words of each text lower-cased, diacritics dropped, split on anything that is
/// not a letter or digit. Queries the engine answers from its exact fields must agree with a scan of these.
/// </summary>
public sealed partial record OraclePair(
    KamervraagDocument Document,
    int Number,
    string QuestionText,
    string AnswerText,
    IReadOnlyList<string> Question,
    IReadOnlyList<string> Answer,
    IReadOnlyList<string> Subject)
{
    public string Key => DocumentMapper.KeyOf(Document);

    public IEnumerable<string> Text => Question.Concat(Answer);

    /// <summary>The README's rule: a document without numbered questions is one pair of its notice (or subject).</summary>
    public static IReadOnlyList<OraclePair> Of(IEnumerable<KamervraagDocument> documents) =>
    [
        .. documents.SelectMany(d => d.Questions.Count == 0
            ? [Make(d, 0, d.Notice ?? d.Subject ?? "", d.Notice ?? "")]
            : d.Questions.Select(q => Make(d, q.Number, q.Question, q.Answer ?? d.Notice ?? ""))),
    ];

    private static OraclePair Make(KamervraagDocument d, int number, string question, string answer) =>
        new(d, number, question, answer, Words(question), Words(answer), Words(d.Subject));

    public static IReadOnlyList<string> Words(string? text) =>
        [.. WordPattern().Matches(Fold(text ?? "")).Select(m => m.Value)];

    public static string Fold(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return new string([.. kept]).Normalize(NormalizationForm.FormC);
    }

    /// <summary>Some word of <paramref name="words"/> starts with <paramref name="prefix"/>.</summary>
    public static bool HasPrefix(IEnumerable<string> words, string prefix) => words.Any(w => w.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The words stand next to each other in this order.</summary>
    public static bool HasPhrase(IReadOnlyList<string> words, params string[] phrase) =>
        Enumerable.Range(0, Math.Max(0, words.Count - phrase.Length + 1)).Any(i => phrase.Select((p, k) => words[i + k] == p).All(x => x));

    /// <summary>
    /// Two words at most <paramref name="slop"/> moves from standing together in order: Lucene's
    /// sloppy phrase distance for two terms is |(j - i) - 1| for a at i and b at j.
    /// </summary>
    public static bool HasNear(IReadOnlyList<string> words, string a, string b, int slop)
    {
        var at = Enumerable.Range(0, words.Count).Where(i => words[i] == a).ToList();
        var bt = Enumerable.Range(0, words.Count).Where(j => words[j] == b).ToList();
        return at.Any(i => bt.Any(j => Math.Abs(j - i - 1) <= slop));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}

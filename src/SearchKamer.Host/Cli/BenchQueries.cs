using System.Text.RegularExpressions;
using SearchKamer.Bench;
using SearchKamer.Search;

namespace SearchKamer.Host.Cli;

/// <summary>One measured query class and its requests.</summary>
public sealed record QueryClass(string Name, IReadOnlyList<SearchRequest> Requests);

/// <summary>
/// The fixed query set of <c>bench search</c>: terms are drawn with a fixed seed from the
/// vocabulary of the real Kamervragen in the pool, so every run asks the same questions and
/// users ask about words that really occur.
/// </summary>
public static partial class BenchQueries
{
    public const int Seed = 4242;

    // Frequent function words that users would not type alone; they would only measure stop-word handling.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "heeft", "hebben", "wordt", "worden", "zijn", "deze", "welke", "kunt", "bent", "zich", "over", "naar", "voor", "door",
        "maar", "niet", "meer", "onder", "tussen", "hoeveel", "waarom", "wanneer", "indien", "zodat", "omdat", "gaan", "zullen",
        "kunnen", "moeten", "artikel", "daarbij", "hierbij", "waarin", "daarvan", "alsmede", "andere", "eerste", "tweede", "mening",
    };

    public static IReadOnlyList<QueryClass> Build(TextPool pool, BenchPeople people, int perClass)
    {
        var r = new Random(Seed);
        var questions = pool.Pairs.Select(p => Words().Matches(p.Question).Select(m => m.Value.ToLowerInvariant()).ToArray()).ToList();
        var vocabulary = questions.SelectMany(w => w).Where(Useful).GroupBy(w => w)
            .Where(g => g.Count() >= 5).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).Take(400).ToArray();
        if (vocabulary.Length == 0)
        {
            throw new InvalidDataException("de vragen in de pool hebben te weinig woorden voor een zoekset");
        }

        var parties = people.Members.Select(m => m.Affiliation).Distinct().Order(StringComparer.Ordinal).ToArray();
        var ministers = people.Answerers.Select(a => a.Name).Distinct().Order(StringComparer.Ordinal).ToArray();
        string Word() => vocabulary[r.Next(vocabulary.Length)];
        T Any<T>(T[] from) => from[r.Next(from.Length)];
        List<SearchRequest> Make(Func<int, SearchRequest> make) => Enumerable.Range(0, perClass).Select(make).ToList();

        return
        [
            new("één woord", Make(_ => new SearchRequest { Query = Word() })),
            new("twee woorden", Make(_ => new SearchRequest { Query = TwoWords(r, questions, Word) })),
            new("frase", Make(_ => new SearchRequest { Query = Phrase(r, questions) })),
            new("prefix", Make(_ => new SearchRequest { Query = Prefix(r, vocabulary) })),
            new("veld", Make(i => new SearchRequest
            {
                Query = (i % 4) switch
                {
                    0 => $"partij:{Any(parties)}",
                    1 => $"minister:\"{Any(ministers)}\"",
                    2 => $"vraag:{Word()}",
                    _ => $"antwoord:{Word()}",
                },
            })),
            new("filters", Make(_ =>
            {
                var from = new DateOnly(r.Next(SyntheticCorpus.FirstYear, SyntheticCorpus.LastYear - 1), r.Next(1, 13), 1);
                return new SearchRequest { Query = Word(), From = from, To = from.AddYears(3), Kinds = ["antwoord"] };
            })),
            new("facetselectie", Make(_ => new SearchRequest { Query = Word(), Ministers = [Any(ministers)], Parties = [Any(parties)] })),
        ];
    }

    private static bool Useful(string word) => word.Length is >= 5 and <= 16 && !Common.Contains(word);

    /// <summary>Two words from one real question, so the pair is plausible together.</summary>
    private static string TwoWords(Random r, List<string[]> questions, Func<string> fallback)
    {
        for (var tries = 0; tries < 20; tries++)
        {
            var useful = questions[r.Next(questions.Count)].Where(Useful).Distinct().ToArray();
            if (useful.Length >= 2)
            {
                var first = r.Next(useful.Length);
                var second = (first + 1 + r.Next(useful.Length - 1)) % useful.Length;
                return $"{useful[first]} {useful[second]}";
            }
        }

        return $"{fallback()} {fallback()}";
    }

    /// <summary>Two adjacent words of a real question, quoted.</summary>
    private static string Phrase(Random r, List<string[]> questions)
    {
        for (var tries = 0; tries < 50; tries++)
        {
            var words = questions[r.Next(questions.Count)];
            if (words.Length >= 2)
            {
                var at = r.Next(words.Length - 1);
                if (words[at].Length >= 4 && words[at + 1].Length >= 4)
                {
                    return $"\"{words[at]} {words[at + 1]}\"";
                }
            }
        }

        return "\"de minister\"";
    }

    private static string Prefix(Random r, string[] vocabulary)
    {
        var longer = vocabulary.Where(w => w.Length >= 7).ToArray();
        var word = longer.Length > 0 ? longer[r.Next(longer.Length)] : vocabulary[r.Next(vocabulary.Length)];
        return word[..Math.Min(word.Length, r.Next(4, 6))] + "*";
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();
}

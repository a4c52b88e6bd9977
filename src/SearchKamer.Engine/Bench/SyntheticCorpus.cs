using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SearchKamer.Domain;

namespace SearchKamer.Bench;

/// <summary>
/// Deterministic synthetic Kamervragen for scale benchmarks: real question and answer text mixed
/// with real law paragraphs, real ministers and Kamerleden in office in the year of the (random)
/// date, and unique ids. The same seed and pool give the same documents on every run.
/// </summary>
public sealed partial class SyntheticCorpus(TextPool pool, int seed = SyntheticCorpus.DefaultSeed)
{
    public const int DefaultSeed = 20251128;
    public const int FirstYear = 2010;
    public const int LastYear = 2025;

    // Questions per document, 1..15: most sets have 3 to 8 questions, a long tail up to 15.
    private static readonly int[] PairWeights = [4, 6, 9, 11, 12, 11, 10, 9, 7, 6, 4, 3, 3, 3, 2];

    private readonly BenchPeople _people = BenchPeople.Bundled;
    private readonly IReadOnlyList<string> _titles = Titles(pool.Pairs);

    /// <summary>What one document adds to a pair count: its questions, or one record for a notice.</summary>
    public static int PairsOf(KamervraagDocument doc) => Math.Max(1, doc.Questions.Count);

    /// <summary>Documents until exactly <paramref name="pairs"/> pairs are produced; each call starts from the seed again.</summary>
    public IEnumerable<KamervraagDocument> Documents(int pairs)
    {
        var state = new State(new Random(seed), pool.Paragraphs().GetEnumerator(), Years(_people));
        try
        {
            for (var left = pairs; left > 0;)
            {
                var doc = Next(state, left);
                left -= PairsOf(doc);
                yield return doc;
            }
        }
        finally
        {
            state.Law.Dispose();
        }
    }

    private KamervraagDocument Next(State s, int left)
    {
        var r = s.Random;
        var roll = r.NextDouble();
        var kind = roll < 0.82 ? DocumentKind.Antwoord : roll < 0.91 ? DocumentKind.Vragen : roll < 0.95 ? DocumentKind.NaderAntwoord : DocumentKind.Mededeling;
        var submitted = new DateOnly(FirstYear, 1, 1).AddDays(r.Next(new DateOnly(LastYear, 12, 31).DayNumber - new DateOnly(FirstYear, 1, 1).DayNumber - 90));
        DateOnly? received = kind == DocumentKind.Vragen ? null : submitted.AddDays(r.Next(14, 90));
        var year = (received ?? submitted).Year;
        var cohort = s.ByYear[year - FirstYear];
        var askers = Pick(r, cohort.Members, r.NextDouble() < 0.7 ? 1 : r.NextDouble() < 0.75 ? 2 : 3)
            .Select(p => new Asker(p.Name, p.Affiliation)).ToList();
        var answerers = Pick(r, cohort.Answerers, r.NextDouble() < 0.85 ? 1 : 2);
        var vergaderjaar = Vergaderjaar(received ?? submitted);
        var number = s.NextNumber(vergaderjaar);
        var serial = ++s.Serial;
        var zaak = $"{submitted.Year}Z{serial % 100000:D5}";
        var subject = $"het bericht «{_titles[r.Next(_titles.Count)]}»";
        var questions = kind == DocumentKind.Mededeling ? [] : Questions(s, Math.Min(left, PairCount(r)), kind != DocumentKind.Vragen);
        var notice = kind == DocumentKind.Mededeling
            ? $"De vragen van het lid {askers[0].Name} ({askers[0].Party}) over {subject} kunnen niet binnen de gebruikelijke termijn worden beantwoord. {Paragraph(s)}"
            : null;
        var text = string.Join("\n", questions.SelectMany(q => new[] { q.Question, q.Answer ?? "" }).Append(notice ?? ""));
        var officialId = kind == DocumentKind.Vragen ? $"kv-tk-{zaak}" : $"ah-tk-{vergaderjaar.Replace("-", "", StringComparison.Ordinal)}-{number}";
        return new KamervraagDocument
        {
            Kind = kind,
            NoticeKind = kind == DocumentKind.Mededeling ? NoticeKind.Uitstel : null,
            OfficialId = officialId,
            DocumentNumber = $"{year}D{serial % 100000:D5}",
            ZaakNumbers = [zaak],
            Vergaderjaar = vergaderjaar,
            Aanhangselnummer = kind == DocumentKind.Vragen ? null : number,
            Subject = subject,
            Askers = askers,
            Addressees = [.. answerers.Select(Office).Distinct()],
            Answerers = kind == DocumentKind.Vragen ? [] : [.. answerers.Select(a => new Answerer(a.Role, a.Name, a.Portfolio, a.Affiliation))],
            DateSubmitted = submitted,
            DateReceived = received,
            Notice = notice,
            Questions = questions,
            Source = new SourceInfo($"bench://{officialId}.xml", "xml", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))),
        };
    }

    /// <summary>Numbered questions; now and then a run of two or three shares one combined answer.</summary>
    private List<QuestionAnswer> Questions(State s, int count, bool answered)
    {
        var r = s.Random;
        var list = new List<QuestionAnswer>(count);
        for (var n = 1; n <= count;)
        {
            var run = answered && count - n >= 2 && r.NextDouble() < 0.08 ? r.Next(2, 4) : 1;
            var answer = answered ? AnswerText(s) : null;
            IReadOnlyList<int> with = run > 1 ? Enumerable.Range(n, run).ToArray() : [];
            for (var i = 0; i < run; i++, n++)
            {
                list.Add(new QuestionAnswer(n, QuestionText(s), answer, with, []));
            }
        }

        return list;
    }

    private string QuestionText(State s)
    {
        var qa = pool.Pairs[s.Random.Next(pool.Pairs.Count)].Question;
        var roll = s.Random.NextDouble();
        return roll < 0.45 ? qa
            : roll < 0.8 ? $"{Paragraph(s)} {qa}"
            : $"Wat is uw oordeel over de volgende bepaling: «{Paragraph(s)}»?";
    }

    private string AnswerText(State s)
    {
        var qa = pool.Pairs[s.Random.Next(pool.Pairs.Count)].Answer;
        var roll = s.Random.NextDouble();
        return roll < 0.45 ? qa
            : roll < 0.8 ? $"{qa} {Paragraph(s)}"
            : roll < 0.92 ? Paragraph(s)
            : $"{Paragraph(s)} {Paragraph(s)}";
    }

    private static string Paragraph(State s)
    {
        s.Law.MoveNext();
        return s.Law.Current;
    }

    private static int PairCount(Random r)
    {
        var pick = r.Next(PairWeights.Sum());
        for (var i = 0; i < PairWeights.Length; i++)
        {
            pick -= PairWeights[i];
            if (pick < 0)
            {
                return i + 1;
            }
        }

        return PairWeights.Length;
    }

    private static List<BenchPerson> Pick(Random r, IReadOnlyList<BenchPerson> from, int count)
    {
        var picked = new List<BenchPerson>(count);
        for (var tries = 0; picked.Count < Math.Min(count, from.Count) && tries < 20; tries++)
        {
            var p = from[r.Next(from.Count)];
            if (!picked.Exists(x => x.Name == p.Name))
            {
                picked.Add(p);
            }
        }

        return picked;
    }

    /// <summary>The parliamentary year starts in September.</summary>
    public static string Vergaderjaar(DateOnly date)
    {
        var start = date.Month >= 9 ? date.Year : date.Year - 1;
        return string.Create(CultureInfo.InvariantCulture, $"{start}-{start + 1}");
    }

    private static string Office(BenchPerson a) => a.Role switch
    {
        "Minister-president" => "Minister-president",
        _ when a.Portfolio is { } p && p != a.Affiliation => $"{a.Role} voor {p}",
        _ => $"{a.Role} van {a.Affiliation}",
    };

    /// <summary>Who served in each year; a year the data does not cover falls back to everyone.</summary>
    private static Cohort[] Years(BenchPeople people) =>
        Enumerable.Range(FirstYear, LastYear - FirstYear + 1).Select(y =>
        {
            var answerers = people.Answerers.Where(p => p.ServedIn(y)).ToList();
            var members = people.Members.Where(p => p.ServedIn(y)).ToList();
            return new Cohort(answerers.Count > 0 ? answerers : people.Answerers, members.Count > 0 ? members : people.Members);
        }).ToArray();

    private static List<string> Titles(IReadOnlyList<QaPair> pairs)
    {
        var titles = pairs.SelectMany(p => Quoted().Matches(p.Question).Select(m => m.Groups[1].Value.Trim())).Where(t => t.Length >= 8).Distinct().ToList();
        return titles.Count > 0 ? titles : ["een bericht in de media"];
    }

    [GeneratedRegex("«([^«»]{5,140})»")]
    private static partial Regex Quoted();

    private sealed record Cohort(IReadOnlyList<BenchPerson> Answerers, IReadOnlyList<BenchPerson> Members);

    /// <summary>The mutable state of one pass: random stream, law paragraph cursor and id counters.</summary>
    private sealed class State(Random random, IEnumerator<string> law, Cohort[] byYear)
    {
        private readonly Dictionary<string, int> _numbers = [];

        public Random Random { get; } = random;
        public IEnumerator<string> Law { get; } = law;
        public Cohort[] ByYear { get; } = byYear;
        public int Serial { get; set; }

        public int NextNumber(string vergaderjaar) => _numbers[vergaderjaar] = _numbers.GetValueOrDefault(vergaderjaar) + 1;
    }
}

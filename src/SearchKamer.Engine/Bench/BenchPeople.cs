using System.Globalization;
using SearchKamer.Reference;

namespace SearchKamer.Bench;

/// <param name="Role">"Minister", "Staatssecretaris", "Minister-president" or "Kamerlid".</param>
/// <param name="Affiliation">The canonical ministry of an answerer, the canonical party of a Kamerlid.</param>
/// <param name="Portfolio">What an answerer's header prints in parentheses; null for a Kamerlid.</param>
public sealed record BenchPerson(string Role, string Name, string Affiliation, string? Portfolio, DateOnly From, DateOnly? To)
{
    public bool ServedIn(int year) => From.Year <= year && (To is null || To.Value.Year >= year);
}

/// <summary>Real ministers, staatssecretarissen and Kamerleden (Bench/Data/people.tsv, from openkamer) for synthetic metadata.</summary>
public sealed record BenchPeople(IReadOnlyList<BenchPerson> Answerers, IReadOnlyList<BenchPerson> Members)
{
    private static readonly Lazy<BenchPeople> Loaded = new(Load);

    public static BenchPeople Bundled => Loaded.Value;

    private static BenchPeople Load()
    {
        var answerers = new List<BenchPerson>();
        var members = new List<BenchPerson>();
        foreach (var row in ReferenceData.Rows("people.tsv"))
        {
            var person = new BenchPerson(row[0], row[1], row[2], row[3].Length == 0 ? null : row[3], Day(row[4]) ?? DateOnly.MinValue, Day(row[5]));
            (person.Role == "Kamerlid" ? members : answerers).Add(person);
        }

        return new BenchPeople(answerers, members);
    }

    private static DateOnly? Day(string text) =>
        text.Length == 0 ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

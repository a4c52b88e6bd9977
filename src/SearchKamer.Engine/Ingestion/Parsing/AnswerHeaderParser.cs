using System.Globalization;
using System.Text.RegularExpressions;
using SearchKamer.Domain;
using SearchKamer.Reference;

namespace SearchKamer.Ingestion.Parsing;

internal sealed record AnswerHeader(
    bool IsNotice,
    bool IsFollowUp,
    IReadOnlyList<Answerer> Answerers,
    IReadOnlyList<string> OnBehalfOf,
    DateOnly? Received,
    SeeAlso? SeeAlso,
    QuestionHeader? Questions = null);

/// <summary>
/// "Antwoord van &lt;Role&gt; &lt;Name&gt; (&lt;portfolio&gt;)[, mede namens …][ en (antwoord) van …] (ontvangen &lt;date&gt;)[. Zie ook …]",
/// or the ministry letter's heading "Antwoorden van de minister van X … op Kamervragen van …" (<see cref="MinistryLetter"/>).
/// </summary>
internal static partial class AnswerHeaderParser
{
    [GeneratedRegex(@"^(?<nader>Nader\s+|Aanvullend\s+)?(?<word>Antwoord(?:en)?|Mededeling)\s+van\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Opening();

    [GeneratedRegex(@"\(\s*ontvangen\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReceivedOpen();

    [GeneratedRegex(@"Zie\s+ook\s+(?:het\s+)?Aanhangsel\s*(?:van\s+de\s+)?Handelingen\s*(?:II)?\s*,?\s*vergaderjaar\s+(?<y1>\d{4})\s*[-–/]\s*(?<y2>\d{4}|\d{2})(?!\d)\s*,?\s*(?:nr\.?\s*)?(?<nr>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex SeeAlsoPattern();

    [GeneratedRegex(@",?\s*mede\s+namens\s+", RegexOptions.IgnoreCase)]
    private static partial Regex OnBehalf();

    // "… (X) en van Minister B (Y)", and without the "en": "… (X) van Minister B (Y)".
    [GeneratedRegex(@"(?<=\))\s*,?\s+(?:en\s+)?(?:antwoord\s+)?van\s+(?=(?:de\s+)?(?:minister|staatssecretaris|staatsecretaris))", RegexOptions.IgnoreCase)]
    private static partial Regex SecondAnswerer();

    [GeneratedRegex(@"^(?<role>minister-president|minister|staatssecretaris|staatsecretaris)\s+(?<name>[^()]+?)\s*(?:\((?<pf>.*?)\)?)?$", RegexOptions.IgnoreCase)]
    private static partial Regex AnswererPattern();

    public static AnswerHeader Parse(string header, ICollection<string> warnings)
    {
        var text = TextCleanup.ForHeader(header);
        var opening = Opening().Match(text);
        var isNotice = opening.Groups["word"].Value.StartsWith("Mededeling", StringComparison.OrdinalIgnoreCase);
        var isFollowUp = opening.Groups["nader"].Success;

        var see = SeeAlsoPattern().Match(text);
        SeeAlso? seeAlso = see.Success
            ? new SeeAlso($"{see.Groups["y1"].Value}-{FullYear(see.Groups["y1"].Value, see.Groups["y2"].Value)}", int.Parse(see.Groups["nr"].Value, CultureInfo.InvariantCulture))
            : null;
        if (!see.Success && text.Contains("Zie ook", StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add("antwoordkop: \"Zie ook\" gevonden maar niet gelezen");
        }

        var open = ReceivedOpen().Match(text);
        DateOnly? received = null;
        var core = text[opening.Length..];
        if (open.Success)
        {
            received = DutchDates.Find(text[open.Index..]);
            core = text[opening.Length..open.Index];
        }

        (core, var questions) = MinistryLetter.Split(core.Trim().TrimEnd(',', '.'), warnings);
        if (!open.Success && questions is null)
        {
            warnings.Add("antwoordkop: geen \"(ontvangen …)\" gevonden");
        }

        var parts = OnBehalf().Split(core.Trim().TrimEnd(',', '.'), 2);
        var onBehalf = parts.Length > 1 ? Offices.Expand(parts[1]) : [];
        var answerers = SecondAnswerer().Split(parts[0]).Select(a => ParseAnswerer(a, questions is not null, warnings)).OfType<Answerer>().ToList();
        return new AnswerHeader(isNotice, isFollowUp, answerers, onBehalf, received, seeAlso, questions);
    }

    private static Answerer? ParseAnswerer(string text, bool letter, ICollection<string> warnings)
    {
        // The letter heading names an office ("de minister van X"); "minister Van Weel (X)" is a name.
        if (letter && MinistryLetter.Answerer(text) is { } office)
        {
            return office;
        }

        var m = AnswererPattern().Match(text.Trim());
        if (!m.Success)
        {
            warnings.Add($"antwoordkop: bewindspersoon niet gelezen uit \"{text.Trim()}\"");
            return null;
        }

        var portfolio = m.Groups["pf"].Success ? Offices.Printed(m.Groups["pf"].Value.Trim()) : null;
        if (portfolio is { Length: 0 })
        {
            portfolio = null;
        }

        var role = Offices.Role(m.Groups["role"].Value);
        var ministry = Ministries.Canonical(portfolio ?? "") ?? (role == "Minister-president" ? Ministries.Canonical("Algemene Zaken") : null);
        if (portfolio is not null && ministry is null)
        {
            warnings.Add($"antwoordkop: ministerie van portefeuille \"{portfolio}\" onbekend");
        }

        return new Answerer(role, m.Groups["name"].Value.Trim(), portfolio, ministry);
    }

    private static string FullYear(string first, string second) =>
        second.Length == 4 ? second : first[..2] + second;
}

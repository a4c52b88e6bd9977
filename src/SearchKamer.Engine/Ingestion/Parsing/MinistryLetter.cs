using System.Text.RegularExpressions;
using SearchKamer.Domain;
using SearchKamer.Reference;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>
/// The ministry's own answer letter (Rijkshuisstijl DOCX, docs/ministry-letters.md): a head with "Datum" and
/// "Onderwerp", a signature "De minister van X" / name, then the heading "Antwoorden van de minister van X
/// [mede namens de minister van Y] op Kamervragen van de leden A en B (Partij) [aan …] over …" without
/// "(ontvangen …)". The heading names offices, not people, so the name comes from the signature.
/// </summary>
internal static partial class MinistryLetter
{
    [GeneratedRegex(@"\s+op\s+(?:de\s+)?(?:kamer)?vragen\s+(?:van\s+)?(?=(?:(?:het|de)\s+)?(?:lid|leden)\s)", RegexOptions.IgnoreCase)]
    private static partial Regex QuestionsOf();

    [GeneratedRegex(@"^(?:de\s+)?(?<role>minister-president|minister|staatssecretaris|staatsecretaris)(?:\s+(?:van|voor)\s+(?<pf>.+?))?\s*,?$", RegexOptions.IgnoreCase)]
    private static partial Regex Office();

    [GeneratedRegex(@"^Datum\b\s*:?\s*(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    /// <summary>Cuts "… op Kamervragen van &lt;askers&gt; … over …" off the answering part; null when the heading has no such part.</summary>
    public static (string Answering, QuestionHeader? Questions) Split(string core, ICollection<string> warnings)
    {
        var m = QuestionsOf().Match(core);
        if (!m.Success)
        {
            return (core, null);
        }

        // The question part reads as a question header without its "(ingezonden …)".
        var questions = QuestionHeaderParser.Parse("Vragen van " + core[(m.Index + m.Length)..], warnings);
        return (core[..m.Index], questions);
    }

    /// <summary>"de minister van Justitie en Veiligheid": role and portfolio, the name left empty for <see cref="Signed"/>.</summary>
    public static Answerer? Answerer(string text)
    {
        var m = Office().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var portfolio = m.Groups["pf"].Success ? Offices.Printed(m.Groups["pf"].Value.Trim()) : null;
        var role = Offices.Role(m.Groups["role"].Value);
        var ministry = Ministries.Canonical(portfolio ?? "") ?? (role == "Minister-president" ? Ministries.Canonical("Algemene Zaken") : null);
        return new Answerer(role, "", portfolio, ministry);
    }

    /// <summary>Fills each unnamed answerer from the signature above the heading: the office line, then the name.</summary>
    public static IReadOnlyList<Answerer> Signed(IReadOnlyList<Answerer> answerers, IReadOnlyList<string> preface, ICollection<string> warnings) =>
        answerers.Select(a => a.Name.Length > 0 ? a : Named(a, preface, warnings)).ToList();

    /// <summary>The date on the line "Datum" (or the line after it) in the letter head.</summary>
    public static DateOnly? Date(IReadOnlyList<string> preface)
    {
        for (var i = 0; i < preface.Count; i++)
        {
            var m = DateLine().Match(preface[i].Trim());
            if (!m.Success)
            {
                continue;
            }

            var text = m.Groups["rest"].Value.Length > 0 ? m.Groups["rest"].Value : (i + 1 < preface.Count ? preface[i + 1] : "");
            if (DutchDates.Find(text) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static Answerer Named(Answerer answerer, IReadOnlyList<string> preface, ICollection<string> warnings)
    {
        for (var i = 0; i + 1 < preface.Count; i++)
        {
            if (Answerer(preface[i]) is { } office && office.Role == answerer.Role && office.Portfolio == answerer.Portfolio)
            {
                return answerer with { Name = preface[i + 1].Trim() };
            }
        }

        warnings.Add($"antwoordkop: geen ondertekening van {answerer.Role.ToLowerInvariant()} van {answerer.Portfolio} gevonden; naam onbekend");
        return answerer;
    }
}

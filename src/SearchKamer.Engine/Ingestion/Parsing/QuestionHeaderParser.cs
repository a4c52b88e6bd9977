using System.Text.RegularExpressions;
using SearchKamer.Domain;
using SearchKamer.Reference;

namespace SearchKamer.Ingestion.Parsing;

internal sealed record QuestionHeader(
    IReadOnlyList<Asker> Askers,
    IReadOnlyList<string> Addressees,
    string? Subject,
    DateOnly? Submitted,
    bool Oral);

/// <summary>
/// "Vragen van het lid|de leden &lt;askers&gt; aan de &lt;addressees&gt; over &lt;subject&gt; (ingezonden &lt;date&gt;)."
/// Cut the last "(ingezonden …)" first, then split at " aan " after the askers, then at the first " over ".
/// </summary>
internal static partial class QuestionHeaderParser
{
    [GeneratedRegex(@"\(\s*ingezonden\s+(?<date>[^()]*)\)\s*\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Submitted();

    [GeneratedRegex(@"^(?<oral>Mondelinge\s+)?(?:Vragen|Vraag)\s+van\s+(?:(?:het|de)\s+)?(?:(?:leden|lid)\s+)?(?:lid\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex Opening();

    [GeneratedRegex(@"^(?<askers>.*?\))\s*aan\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AskersThenRest();

    [GeneratedRegex(@"^(?<askers>.*?\))\s*over\s+(?<subject>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AskersThenSubject();

    [GeneratedRegex(@"(?<names>[^()]*?)\s*\((?<party>[^()]*)\)")]
    private static partial Regex PartyGroup();

    [GeneratedRegex(@"\s*,\s*|(?:^|\s+)en\s+")]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu}\p{Ll})")]
    private static partial Regex GluedWords();

    [GeneratedRegex(@" over(?=(?:de|het|een)\s)|(?<=\p{Ll})over(?= \p{Ll})")]
    private static partial Regex GluedOver();

    [GeneratedRegex(@"^(?:beiden|beide|allen)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex SharedParty();

    public static QuestionHeader Parse(string header, ICollection<string> warnings)
    {
        // Only the askers get the "(" spacing repair: a subject may print "analyse(s)".
        var text = TextCleanup.Collapse(header);
        DateOnly? submitted = null;
        var sub = Submitted().Match(text);
        if (sub.Success)
        {
            submitted = DutchDates.Find(sub.Groups["date"].Value);
            text = text[..sub.Index].TrimEnd();
        }

        text = text.TrimEnd('.', ' ');
        var opening = Opening().Match(text);
        var oral = opening.Groups["oral"].Success;
        var body = text[opening.Length..];

        string askersPart;
        string rest;
        var split = AskersThenRest().Match(body);
        var direct = split.Success ? Match.Empty : AskersThenSubject().Match(body);
        if (split.Success)
        {
            (askersPart, rest) = (split.Groups["askers"].Value, split.Groups["rest"].Value);
        }
        else if (direct.Success)
        {
            // No addressee: "de leden A en B (Partij) over …", as in a ministry letter's heading.
            (askersPart, rest) = (direct.Groups["askers"].Value, " over " + direct.Groups["subject"].Value);
        }
        else
        {
            var aan = body.IndexOf(" aan ", StringComparison.OrdinalIgnoreCase);
            (askersPart, rest) = aan < 0 ? (body, "") : (body[..aan], body[(aan + 5)..]);
        }

        var over = rest.IndexOf(" over ", StringComparison.OrdinalIgnoreCase);
        if (over < 0 && GluedOver().Match(rest) is { Success: true } glued)
        {
            // Some extractors lose the space after "over": "… Waterstaat overde faillissementen".
            warnings.Add("vraagkop: \"over\" aan het volgende woord vastgeplakt gelezen");
            rest = glued.Value.StartsWith(' ') ? rest.Insert(glued.Index + 5, " ") : rest.Insert(glued.Index, " ");
            over = rest.IndexOf(" over ", StringComparison.OrdinalIgnoreCase);
        }

        string? subject = null;
        var addresseePart = rest;
        if (over >= 0)
        {
            addresseePart = rest[..over];
            subject = rest[(over + 6)..].Trim();
        }
        else if (rest.Length > 0)
        {
            warnings.Add("vraagkop: geen \" over \" gevonden; onderwerp onbekend");
        }

        return new QuestionHeader(ParseAskers(TextCleanup.ForHeader(askersPart), warnings), Offices.Expand(addresseePart), subject, submitted, oral);
    }

    internal static List<Asker> ParseAskers(string text, ICollection<string> warnings)
    {
        var askers = new List<Asker>();
        var consumed = 0;
        foreach (Match group in PartyGroup().Matches(text))
        {
            var party = Parties.Canonical(SharedParty().Replace(group.Groups["party"].Value.Trim(), ""));
            foreach (var name in Names(group.Groups["names"].Value, warnings))
            {
                askers.Add(new Asker(name, party));
            }

            consumed = group.Index + group.Length;
        }

        foreach (var name in Names(text[consumed..], warnings))
        {
            warnings.Add($"vraagkop: geen partij bij indiener \"{name}\"");
            askers.Add(new Asker(name, null));
        }

        return askers;
    }

    private static IEnumerable<string> Names(string text, ICollection<string> warnings)
    {
        foreach (var raw in NameSeparator().Split(text.Trim().Trim(',')))
        {
            var name = raw.Trim();
            if (name.Length == 0 || name.Equals("en", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // "Inge vanDijk" and "DaniëlleJansen" lost a space in the source; a capital inside a word never starts a Dutch surname part otherwise.
            var repaired = GluedWords().Replace(name, " ");
            if (repaired != name)
            {
                warnings.Add($"vraagkop: naam \"{name}\" gelezen als \"{repaired}\"");
            }

            yield return repaired;
        }
    }
}

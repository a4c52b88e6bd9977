using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>
/// A ministry's mededeling letter has no "Vragen van …" header, but its sentence names the questions:
/// "Op 6 november jl. hebben de leden A en B (beiden X) schriftelijke vragen gesteld aan de minister van Y
/// over Z." or "De vragen van het lid A (X) over Z (2024Z17067) kunnen niet …". Askers, addressees and
/// subject are read from that sentence, as the document's own text.
/// </summary>
internal static partial class NoticeSentence
{
    [GeneratedRegex(@"(?:vragen\s+van|hebben)\s+(?:het\s+lid|de\s+leden)\s+(?<askers>[^()]+?\([^()]+\))\s+(?:schriftelijke\s+vragen\s+gesteld\s+)?(?:aan\s+(?<to>[^()]+?)\s+)?over\s+(?<subject>.+?)(?:\s*\(\s*\d{4}Z\s?\d{5}\s*\))?(?:\s+(?:kunnen|zullen)\b|\.\s|\.$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Sentence();

    public static QuestionHeader? Read(string? notice, ICollection<string> warnings)
    {
        var m = notice is null ? null : Sentence().Match(TextCleanup.Collapse(notice.Replace('\n', ' ')));
        if (m is not { Success: true })
        {
            return null;
        }

        var askers = QuestionHeaderParser.ParseAskers(TextCleanup.ForHeader(m.Groups["askers"].Value), warnings);
        var to = m.Groups["to"].Success ? Offices.Expand(m.Groups["to"].Value) : [];
        return new QuestionHeader(askers, to, m.Groups["subject"].Value.Trim(), null, false);
    }
}

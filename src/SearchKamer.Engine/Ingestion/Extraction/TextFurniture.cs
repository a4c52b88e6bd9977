using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Removes page furniture and markdown decoration from repaired text lines (document-formats.md §5).
/// A removed footer or page separator leaves a <c>null</c> line: a page boundary that ends a footnote
/// block but is not a paragraph break.
/// </summary>
internal static partial class TextFurniture
{
    public const string LetterAh = "letter.ah";
    public const string LetterZaak = "letter.zaak";

    /// <summary>How many leading lines may precede the header sentence before we give up looking.</summary>
    private const int HeadSearchLimit = 60;

    public static bool LooksLikeMarkdown(IEnumerable<string> lines) =>
        lines.Any(l => MarkdownHeading().IsMatch(l) || l.StartsWith("**", StringComparison.Ordinal) || PageRule().IsMatch(l));

    /// <summary>Strips heading marks, bold and italic markers; horizontal rules become page boundaries.</summary>
    public static List<string?> StripMarkdown(IEnumerable<string> lines) =>
        lines.Select(l => PageRule().IsMatch(l) ? null : StripDecoration(l)).ToList();

    private static string StripDecoration(string line)
    {
        var text = MarkdownHeading().Replace(line, "");
        text = Italic().Replace(text.Replace("**", "", StringComparison.Ordinal), "");
        return TextRepair.CollapseWhitespace(text);
    }

    /// <summary>
    /// Cuts running footers, ISSN and ’s-Gravenhage lines out of every line, also where another tool
    /// glued them into body text; text after a footer continues on its own line.
    /// </summary>
    public static List<string?> CutFooters(IEnumerable<string?> lines, MetadataBuilder metadata)
    {
        var result = new List<string?>();
        foreach (var line in lines)
        {
            if (line is null)
            {
                result.Add(null);
                continue;
            }

            var id = KoopIdLine().Match(line);
            if (id.Success)
            {
                metadata.Add(FurnitureKeys.FooterId, id.Value);
                result.Add(null);
                continue;
            }

            var mangled = MangledIdLine().Match(line);
            if (mangled.Success)
            {
                var tail = mangled.Groups["nr"].Success ? "-" + mangled.Groups["nr"].Value : "";
                var prefix = mangled.Groups["kind"].Value == "kv" ? "kv" : "ah";
                metadata.Add(FurnitureKeys.FooterId, $"{prefix}-tk-{mangled.Groups["year"].Value}{tail}");
                result.Add(null);
                continue;
            }

            var pieces = Footer().Split(line);
            if (pieces.Length == 1)
            {
                result.Add(line);
                continue;
            }

            for (var i = 0; i < pieces.Length; i++)
            {
                var piece = pieces[i].Trim();
                if (piece.Length > 0)
                {
                    result.Add(piece);
                }

                if (i < pieces.Length - 1 && (result.Count == 0 || result[^1] is not null))
                {
                    result.Add(null);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Drops the chamber header, vergaderjaar line and preamble before the document's first own line
    /// (header sentence or letter head), recording the vergaderjaar and the number printed under the
    /// preamble. Returns the index of the first kept line.
    /// </summary>
    public static int SkipHead(IReadOnlyList<string?> lines, MetadataBuilder metadata, List<string> warnings)
    {
        var afterPreamble = false;
        for (var i = 0; i < lines.Count && i < HeadSearchLimit; i++)
        {
            var line = lines[i];
            if (string.IsNullOrEmpty(line))
            {
                continue;
            }

            var number = HeaderNumberLine().Match(line);
            if (afterPreamble && number.Success && !metadata.Has(FurnitureKeys.HeaderNumber))
            {
                metadata.Add(FurnitureKeys.HeaderNumber, number.Value.Replace(" ", "", StringComparison.Ordinal));
                continue;
            }

            if (DocumentStart().IsMatch(line))
            {
                return i;
            }

            var year = VergaderjaarLine().Match(line);
            if (year.Success && !metadata.Has(FurnitureKeys.HeaderVergaderjaar))
            {
                metadata.Add(FurnitureKeys.HeaderVergaderjaar, $"{year.Groups["a"].Value}-{year.Groups["b"].Value}");
            }

            // The number is printed right under the preamble ("Vragen gesteld door de leden der Kamer").
            if (Preamble().IsMatch(line))
            {
                afterPreamble = true;
            }
        }

        warnings.Add("no header sentence or letter head found; kept the text from its first line");
        return 0;
    }

    /// <summary>Records "AH n" and the zaak numbers of a DOCX letter head (document-formats.md §10).</summary>
    public static void ReadLetterHead(IReadOnlyList<string?> lines, int start, MetadataBuilder metadata)
    {
        for (var i = start; i < lines.Count && i < start + 12; i++)
        {
            var line = lines[i];
            if (string.IsNullOrEmpty(line))
            {
                continue;
            }

            var ah = LetterAhLine().Match(line);
            if (ah.Success)
            {
                metadata.Add(LetterAh, ah.Groups["nr"].Value);
                continue;
            }

            var zaak = ZaakLine().Match(line);
            if (zaak.Success)
            {
                metadata.Add(LetterZaak, zaak.Groups["y"].Value + "Z" + zaak.Groups["n"].Value);
                continue;
            }

            if (!line.StartsWith("(ingezonden", StringComparison.Ordinal))
            {
                return;
            }
        }
    }

    [GeneratedRegex("^#{1,6}\\s*")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex("^\\s*(?:-{3,}|\\*{3,}|_{3,})\\s*$")]
    private static partial Regex PageRule();

    // Underscores that open or close italics; underscores inside words and URLs stay.
    [GeneratedRegex("(?<![\\p{L}\\p{N}/])_(?=\\S)|(?<=\\S)_(?![\\p{L}\\p{N}/])")]
    private static partial Regex Italic();

    [GeneratedRegex("^(?:ah|kv)-tk-[0-9A-Za-z-]+$")]
    private static partial Regex KoopIdLine();

    // Markdown conversions print "ah-tk-20232024-302" as "h tk 20232024 302".
    [GeneratedRegex("^(?<kind>a?h|kv) tk (?<year>\\d{8}|\\d{4}Z\\d{5})(?: (?<nr>\\d{1,5}))?$")]
    private static partial Regex MangledIdLine();

    [GeneratedRegex("ISSN 0921 ?- ?7398|[’']s-Gravenhage \\d{4}|Tweede Kamer, vergaderjaar \\d{4}\\s?[–-]\\s?\\d{4}, (?:Aanhangsel|Vragen)(?!\\s*Handelingen)(?:\\s?\\d{1,3}(?!\\d))?")]
    private static partial Regex Footer();

    [GeneratedRegex("^(?:Vragen van|Vraag van|Mondelinge vragen|Mededeling van|Antwoord van|AH \\d+$|\\d{4}Z ?\\d{5}$|\\(ingezonden)")]
    private static partial Regex DocumentStart();

    [GeneratedRegex("^Vergaderjaar (?<a>\\d{4}) ?[–-] ?(?<b>\\d{4})")]
    private static partial Regex VergaderjaarLine();

    [GeneratedRegex("Vragen gesteld door de leden der Kamer|^regering gegeven antwoorden$")]
    private static partial Regex Preamble();

    [GeneratedRegex("^(?:\\d{1,5}|\\d{4}Z ?\\d{5})$")]
    private static partial Regex HeaderNumberLine();

    [GeneratedRegex("^AH (?<nr>\\d+)$")]
    private static partial Regex LetterAhLine();

    [GeneratedRegex("^(?<y>\\d{4})Z ?(?<n>\\d{5})$")]
    private static partial Regex ZaakLine();
}

using System.Text;
using System.Text.RegularExpressions;
using SearchKamer.Domain;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Collects what the HTML and XML extractors find and shapes it the way the parser expects: header
/// sentences, then per block a label line followed by its paragraphs with "" between paragraphs.
/// </summary>
internal sealed partial class MarkupOutput(string format)
{
    private readonly List<string> _lines = [];
    private readonly SortedDictionary<int, Footnote> _footnotes = [];
    private readonly Dictionary<string, List<string>> _metadata = new(StringComparer.Ordinal);
    private readonly HashSet<int> _referenced = [];

    public List<string> Warnings { get; } = [];

    public int LineCount => _lines.Count;

    public void AddHeader(string text)
    {
        var clean = Clean(text);
        if (clean.Length > 0)
        {
            _lines.Add(clean);
        }
    }

    /// <summary>Adds a block: its label line, then its paragraphs, "" between paragraphs.</summary>
    public void AddBlock(string label, IEnumerable<string> paragraphs)
    {
        _lines.Add(Clean(label));
        var first = true;
        foreach (var paragraph in paragraphs)
        {
            var clean = Clean(paragraph);
            if (clean.Length == 0)
            {
                continue;
            }

            if (!first)
            {
                _lines.Add("");
            }

            _lines.Add(clean);
            first = false;
        }
    }

    /// <summary>Body text of a file without recognisable blocks: one line per paragraph, "" between.</summary>
    public void AddParagraphs(IEnumerable<string> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            var clean = Clean(paragraph);
            if (clean.Length == 0)
            {
                continue;
            }

            if (_lines.Count > 0 && _lines[^1].Length > 0)
            {
                _lines.Add("");
            }

            _lines.Add(clean);
        }
    }

    public void AddMetadata(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(name) || value is null)
        {
            return;
        }

        if (!_metadata.TryGetValue(name, out var values))
        {
            values = [];
            _metadata[name] = values;
        }

        values.Add(Clean(value));
    }

    public bool HasMetadata(string name) => _metadata.ContainsKey(name);

    /// <summary>Records a footnote body; the first body for a number wins and a second one is reported.</summary>
    public void AddFootnote(int number, string text, string? url)
    {
        var clean = Clean(text);
        var cleanUrl = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        if (_footnotes.TryGetValue(number, out var existing))
        {
            if (existing.Text != clean)
            {
                Warnings.Add($"footnote {number} occurs twice with different text; kept the first");
            }

            return;
        }

        _footnotes[number] = new Footnote(number, clean, cleanUrl);
    }

    public bool HasFootnote(int number) => _footnotes.ContainsKey(number);

    /// <summary>The marker to leave in a line where footnote <paramref name="number"/> is referenced.</summary>
    public string Reference(int number)
    {
        _referenced.Add(number);
        return FootnoteRef.Format(number);
    }

    public ExtractedText Build()
    {
        foreach (var number in _referenced.Where(n => !_footnotes.ContainsKey(n)).Order())
        {
            Warnings.Add($"footnote {number} is referenced but its text was not found");
        }

        while (_lines.Count > 0 && _lines[^1].Length == 0)
        {
            _lines.RemoveAt(_lines.Count - 1);
        }

        var metadata = _metadata.ToDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<string>)kv.Value.AsReadOnly(),
            StringComparer.Ordinal);
        return new ExtractedText(format, _lines.AsReadOnly(), [.. _footnotes.Values], metadata, Warnings.AsReadOnly());
    }

    /// <summary>
    /// Collapses every kind of whitespace (U+00A0 included, which official XML puts in dates) to one space
    /// and applies NFC, so the parser matches "Kostić" however the source composed it.
    /// </summary>
    public static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200B')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>"2024–2025" or "Vergaderjaar 2024-2025" as "2024-2025"; null when no year pair is present.</summary>
    public static string? Vergaderjaar(string text)
    {
        var match = VergaderjaarPattern().Match(text);
        return match.Success ? $"{match.Groups[1].Value}-{match.Groups[2].Value}" : null;
    }

    /// <summary>Footnote numbers in a marker text such as "1", "1, 2" or "2, 3 en 4"; empty when it is not one.</summary>
    public static IReadOnlyList<int> FootnoteNumbers(string text)
    {
        var clean = Clean(text);
        if (!FootnoteMarkerPattern().IsMatch(clean))
        {
            return [];
        }

        return [.. NumberPattern().Matches(clean).Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))];
    }

    /// <summary>
    /// A block label from a number element: bare numbers ("1", "3, 4 en 5", "5 6") get the block word in
    /// front so every format yields "Vraag 1"; a label that already has its word is kept as printed.
    /// </summary>
    public static string Label(string blockWord, string numberText)
    {
        var clean = Clean(numberText).TrimEnd('.', ':');
        if (SpaceSeparatedNumbers().IsMatch(clean))
        {
            // Some XML numbers a combined answer "5 6"; the printed Aanhangsel says "5 en 6".
            var numbers = clean.Split(' ');
            clean = string.Join(", ", numbers[..^1]) + " en " + numbers[^1];
        }

        return clean.Length > 0 && char.IsAsciiDigit(clean[0]) ? $"{blockWord} {clean}" : clean;
    }

    /// <summary>True for a paragraph that is only a label such as "Vraag 1" or "Antwoord 3, 4 en 5".</summary>
    public static bool IsLabel(string text) => LabelPattern().IsMatch(Clean(text));

    [GeneratedRegex(@"^(?:Vraag|Vragen|Antwoord|Antwoorden)\s+\d+[a-z]?(?:\s*(?:,|en|t/m|-|–)?\s*\d+[a-z]?)*\s*[.:]?$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^\d+(?: \d+)+$")]
    private static partial Regex SpaceSeparatedNumbers();

    [GeneratedRegex(@"((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)\d{2})")]
    private static partial Regex VergaderjaarPattern();

    [GeneratedRegex(@"^\[?\d{1,3}\]?(?:\s*(?:,|en)\s*\[?\d{1,3}\]?)*$")]
    private static partial Regex FootnoteMarkerPattern();

    [GeneratedRegex(@"\d{1,3}")]
    private static partial Regex NumberPattern();
}

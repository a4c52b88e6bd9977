using SearchKamer.Domain;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Extracts text renditions made by other tools (OpenTK page captures, markdown conversions,
/// pdftotext-like and DOCX-to-text output) into the same shape the PDF extractor produces.
/// </summary>
public static class PlainTextExtractor
{
    public static readonly string Format = DocumentFormats.Text.Name;

    public static ExtractedText Extract(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ExtractionException($"file not found: {path}");
        }

        if (info.Length > TextDecoding.MaxBytes)
        {
            throw new ExtractionException($"text file too large ({info.Length} bytes; limit {TextDecoding.MaxBytes})");
        }

        return Extract(File.ReadAllBytes(path));
    }

    /// <summary>Extracts from raw file bytes: detects a BOM, falls back from UTF-8 to Windows-1252.</summary>
    public static ExtractedText Extract(byte[] bytes)
    {
        var warnings = new List<string>();
        var text = TextDecoding.Decode(bytes, warnings);
        return FromDecoded(text, warnings);
    }

    /// <summary>Extracts from text already decoded.</summary>
    public static ExtractedText ExtractContent(string content)
    {
        if (content.Length > TextDecoding.MaxBytes)
        {
            throw new ExtractionException($"text too large ({content.Length} characters; limit {TextDecoding.MaxBytes})");
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            throw new ExtractionException("text contains only whitespace");
        }

        if (content.Contains('\0', StringComparison.Ordinal))
        {
            throw new ExtractionException("binary content (NUL characters), not a text file");
        }

        return FromDecoded(content.TrimStart('\uFEFF'), []);
    }

    /// <summary>
    /// Paragraphs read from a structured format (DOCX), one per line, with footnote references already
    /// marked and the footnote bodies given; the letter head and page furniture are handled as in text.
    /// </summary>
    internal static ExtractedText FromParagraphs(string format, IReadOnlyList<string> paragraphs, IReadOnlyList<Footnote> footnotes, List<string> warnings)
    {
        var text = string.Join("\n", paragraphs);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ExtractionException($"{format.ToUpperInvariant()} file contains no text");
        }

        return FromDecoded(text, warnings, format, footnotes);
    }

    private static ExtractedText FromDecoded(string text, List<string> warnings, string? format = null, IReadOnlyList<Footnote>? footnotesGiven = null)
    {
        format ??= Format;
        var metadata = new MetadataBuilder();
        var lines = TextRepair.Lines(text);
        // Text made by other tools, often from a PDF whose line joins lost their spaces or kept its hyphenation. A
        // DOCX has neither (its paragraphs are left as they are, see GluedWordsTests), and reads as the same text would.
        lines = lines.Select(GluedWords.Repair).ToList();
        new Dehyphenator(lines).RejoinLines(lines);

        var previewStart = OpenTkPage.ReadHeader(lines, metadata);
        if (previewStart is { } first)
        {
            lines = lines.Skip(first).ToList();
        }

        List<string?> working = TextFurniture.LooksLikeMarkdown(lines)
            ? TextFurniture.StripMarkdown(lines)
            : lines.Select(l => (string?)l).ToList();
        working = TextFurniture.CutFooters(working, metadata);

        var start = TextFurniture.SkipHead(working, metadata, warnings);
        working = working.Skip(start).ToList();
        TextFurniture.ReadLetterHead(working, 0, metadata);

        // Footnotes the format marks itself are not searched for again in the text, where a numeral could be taken for one.
        var (body, footnotes) = footnotesGiven is { Count: > 0 } ? (working, footnotesGiven.ToList()) : PlainTextFootnotes.Extract(working, warnings);
        var result = Tidy(body);
        if (result.Count == 0)
        {
            throw new ExtractionException("no body text left after removing page furniture");
        }

        return new ExtractedText(format, result, footnotes, metadata.Build(), warnings);
    }

    // Page boundaries vanish; runs of blank lines become one paragraph break; no break at either end.
    private static List<string> Tidy(IEnumerable<string?> lines)
    {
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (line is null)
            {
                continue;
            }

            if (line.Length == 0 && (result.Count == 0 || result[^1].Length == 0))
            {
                continue;
            }

            result.Add(line);
        }

        while (result.Count > 0 && result[^1].Length == 0)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }
}

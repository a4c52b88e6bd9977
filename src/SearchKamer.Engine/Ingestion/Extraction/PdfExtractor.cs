using System.Diagnostics;
using System.Text;
using SearchKamer.Domain;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Exceptions;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Reads the text layer of an Aanhangsel (or question-set) PDF into reading-order body lines without
/// page furniture, with footnote bodies and markers separated and paragraph breaks taken from layout.
/// </summary>
public static class PdfExtractor
{
    /// <summary>The largest Aanhangsel PDFs are a few hundred kB; anything this large is not one.</summary>
    public const long MaxBytes = 100L * 1024 * 1024;

    public const int MaxPages = 2000;

    /// <summary>Keeps a pathological file from holding an indexing worker; checked between pages.</summary>
    private static readonly TimeSpan TimeBudget = TimeSpan.FromSeconds(60);

    public static ExtractedText Extract(string path)
    {
        FileInfo file;
        try
        {
            file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new ExtractionException("bestand niet gevonden");
            }
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ExtractionException($"bestand niet leesbaar ({e.GetType().Name})", e);
        }

        CheckSize(file.Length);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExtractionException($"bestand niet leesbaar ({e.GetType().Name})", e);
        }

        return Extract(bytes);
    }

    public static ExtractedText Extract(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        CheckSize(bytes.Length);
        CheckSignature(bytes);
        PdfStreams.CheckInflatedSize(bytes);
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true });
            return Read(document);
        }
        catch (ExtractionException)
        {
            throw;
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new ExtractionException("versleutelde PDF (wachtwoord vereist)", e);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not StackOverflowException)
        {
            // PdfPig reports damage with many exception types (format, stream, index, cast); all mean the same here.
            throw new ExtractionException($"beschadigde PDF ({Describe(e)})", e);
        }
    }

    private static void CheckSize(long length)
    {
        if (length == 0)
        {
            throw new ExtractionException("leeg bestand (0 bytes)");
        }

        if (length > MaxBytes)
        {
            throw new ExtractionException($"bestand te groot ({length / (1024 * 1024)} MB, maximaal {MaxBytes / (1024 * 1024)} MB)");
        }
    }

    /// <summary>The PDF header may follow some junk bytes (readers accept it within the first 1024 bytes).</summary>
    private static void CheckSignature(byte[] bytes)
    {
        var window = bytes.AsSpan(0, Math.Min(bytes.Length, 1024));
        if (window.IndexOf("%PDF-"u8) >= 0)
        {
            return;
        }

        var shown = new StringBuilder();
        foreach (var b in bytes.AsSpan(0, Math.Min(bytes.Length, 8)))
        {
            shown.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        throw new ExtractionException($"geen PDF (bestand begint met \"{shown}\")");
    }

    private static ExtractedText Read(PdfDocument document)
    {
        if (document.NumberOfPages > MaxPages)
        {
            throw new ExtractionException($"te veel pagina's ({document.NumberOfPages}, maximaal {MaxPages})");
        }

        var clock = Stopwatch.StartNew();
        var pages = new List<(List<TextRow> Rows, double Height)>(document.NumberOfPages);
        var sizeCounts = new Dictionary<double, int>();
        for (var number = 1; number <= document.NumberOfPages; number++)
        {
            if (clock.Elapsed > TimeBudget)
            {
                throw new ExtractionException($"extractie duurt te lang (meer dan {TimeBudget.TotalSeconds:0} s)");
            }

            var page = document.GetPage(number);
            var glyphs = PdfGlyphs.Read(page.Letters);
            foreach (var glyph in glyphs)
            {
                if (!glyph.IsSpace)
                {
                    var key = Math.Round(glyph.Size, 1);
                    sizeCounts[key] = sizeCounts.GetValueOrDefault(key) + 1;
                }
            }

            pages.Add((PdfRows.Build(number, glyphs), page.Height));
        }

        if (sizeCounts.Count == 0)
        {
            throw new ExtractionException("geen tekstlaag (alleen afbeeldingen of lege pagina's)");
        }

        // The body font is what most of the text is set in; furniture and footnotes are told apart by size.
        var bodySize = sizeCounts.MaxBy(kv => kv.Value).Key;
        var furniture = new PdfPageFurniture(bodySize);
        var body = new List<TextRow>();
        var footnoteRows = new List<TextRow>();
        for (var i = 0; i < pages.Count; i++)
        {
            var parts = furniture.Split(pages[i].Rows, pages[i].Height, firstPage: i == 0);
            body.AddRange(parts.Body);
            footnoteRows.AddRange(parts.Footnotes);
        }

        var warnings = new List<string>();
        var lines = PdfParagraphs.Lines(body, bodySize);
        var dehyphenator = new Dehyphenator(lines.Concat(footnoteRows.Select(r => r.Text)));
        dehyphenator.RejoinLines(lines);
        var footnotes = PdfFootnotes.Collect(footnoteRows, dehyphenator, warnings);
        CheckReferences(lines, footnotes, warnings);

        var metadata = new Dictionary<string, IReadOnlyList<string>>();
        Add(metadata, FurnitureKeys.FooterId, furniture.FooterId);
        Add(metadata, FurnitureKeys.HeaderVergaderjaar, furniture.Vergaderjaar);
        Add(metadata, FurnitureKeys.HeaderNumber, furniture.Number);
        Add(metadata, "pdf.subject", InfoValue(document.Information.Subject));
        Add(metadata, "pdf.title", InfoValue(document.Information.Title));
        if (furniture.FooterId is null)
        {
            warnings.Add("geen KOOP-id in de voettekst gevonden");
        }

        return new ExtractedText(DocumentFormats.Pdf.Name, lines, footnotes, metadata, warnings);
    }

    private static void CheckReferences(List<string> lines, List<Domain.Footnote> footnotes, List<string> warnings)
    {
        var known = footnotes.Select(f => f.Number).ToHashSet();
        var cited = lines.SelectMany(l => FootnoteRef.Pattern().Matches(l))
            .Select(m => int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();
        foreach (var number in cited.Where(n => !known.Contains(n)).Order())
        {
            warnings.Add($"voetnootverwijzing {number} zonder voetnoottekst");
        }

        foreach (var number in known.Where(n => !cited.Contains(n)).Order())
        {
            warnings.Add($"voetnoot {number} wordt nergens in de tekst verwezen");
        }
    }

    /// <summary>
    /// The downloader that produced this corpus wrote Python's "None" into empty Info entries, so that
    /// value means "not set" just like an empty one.
    /// </summary>
    private static string? InfoValue(string? value)
    {
        var trimmed = value is null ? null : value.Trim().Normalize(System.Text.NormalizationForm.FormC);
        return string.IsNullOrEmpty(trimmed) || trimmed == "None" ? null : trimmed;
    }

    private static void Add(Dictionary<string, IReadOnlyList<string>> metadata, string key, string? value)
    {
        if (value is not null)
        {
            metadata[key] = [value];
        }
    }

    private static string Describe(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ").Trim();
        if (message.Length > 160)
        {
            message = message[..160] + "…";
        }

        return message.Length == 0 ? e.GetType().Name : message;
    }
}

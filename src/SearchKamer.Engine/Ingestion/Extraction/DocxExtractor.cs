using System.IO.Compression;
using System.Text;
using System.Xml;
using SearchKamer.Domain;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Reads a Word (DOCX) file as the Tweede Kamer serves ministry letters and question submissions:
/// the paragraphs of word/document.xml become lines, footnote references become <see cref="FootnoteRef"/>
/// markers and the bodies in word/footnotes.xml become footnotes. The lines then go through the same
/// furniture and letter-head handling as plain text, because a DOCX letter is laid out like its text rendition.
/// </summary>
public static class DocxExtractor
{
    public static readonly string Format = DocumentFormats.Docx.Name;

    public const string DocumentPart = "word/document.xml";
    public const string FootnotesPart = "word/footnotes.xml";

    /// <summary>Uncompressed size allowed per part; a real letter's document.xml is well under a megabyte, a zip bomb is not.</summary>
    public const long MaxPartBytes = 20L * 1024 * 1024;

    public const long MaxFileBytes = 50L * 1024 * 1024;

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static ExtractedText Extract(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ExtractionException($"file not found: {path}");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new ExtractionException($"DOCX file too large ({info.Length} bytes; limit {MaxFileBytes})");
        }

        using var stream = File.OpenRead(path);
        return Extract(stream);
    }

    public static ExtractedText Extract(Stream stream)
    {
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new ExtractionException($"not a DOCX file: the zip container is unreadable ({e.Message})", e);
        }

        using (zip)
        {
            var document = zip.GetEntry(DocumentPart)
                ?? throw new ExtractionException($"not a DOCX file: the zip has no {DocumentPart}");

            // Footnotes are numbered by their first reference in the text, as Word shows them.
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            var lists = ReadNumbering(zip);
            var paragraphs = ReadPart(document, numbers, inFootnotes: false, lists).Select(p => p.Text).ToList();
            var footnotes = new List<Footnote>();
            if (numbers.Count > 0 && zip.GetEntry(FootnotesPart) is { } notes)
            {
                foreach (var (id, text) in ReadPart(notes, numbers, inFootnotes: true, DocxNumbering.Empty).GroupBy(p => p.FootnoteId!).Select(g => (g.Key, string.Join(" ", g.Select(p => p.Text)))))
                {
                    if (numbers.TryGetValue(id, out var number))
                    {
                        footnotes.Add(PdfFootnotes.Create(number, text));
                    }
                }
            }

            var warnings = numbers.Where(n => footnotes.All(f => f.Number != n.Value))
                .Select(n => $"footnote {n.Value} is referenced but its text was not found").ToList();
            return PlainTextExtractor.FromParagraphs(Format, paragraphs, footnotes.OrderBy(f => f.Number).ToList(), warnings);
        }
    }

    private sealed record Paragraph(string Text, string? FootnoteId);

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        // The declared size can lie; this bounds what is actually read.
        MaxCharactersInDocument = MaxPartBytes,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
    };

    private static DocxNumbering ReadNumbering(ZipArchive zip)
    {
        try
        {
            return DocxNumbering.Read(zip, Settings());
        }
        catch (XmlException e)
        {
            throw new ExtractionException($"malformed {DocxNumbering.Part} in DOCX at line {e.LineNumber}: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new ExtractionException($"DOCX part {DocxNumbering.Part} cannot be unpacked: {e.Message}", e);
        }
    }

    /// <summary>Streams one part's paragraphs; in the footnotes part each paragraph carries the id of its footnote.</summary>
    private static List<Paragraph> ReadPart(ZipArchiveEntry entry, Dictionary<string, int> numbers, bool inFootnotes, DocxNumbering lists)
    {
        if (entry.Length > MaxPartBytes)
        {
            throw new ExtractionException($"DOCX part {entry.FullName} unpacks to {entry.Length} bytes (limit {MaxPartBytes})");
        }

        var result = new List<Paragraph>();
        var text = new StringBuilder();
        string? footnote = null;
        var list = new ListItem();
        try
        {
            using var part = entry.Open();
            using var reader = XmlReader.Create(part, Settings());
            // Only w:t carries text (not w:delText of a tracked deletion, not w:instrText of a field code).
            var positioned = false;
            while (positioned || reader.Read())
            {
                positioned = false;
                if (reader.NamespaceURI != W)
                {
                    continue;
                }

                if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "p" or "pPrChange")
                {
                    if (reader.LocalName == "p")
                    {
                        Label(text, list, lists);
                        Flush(result, text, footnote, inFootnotes);
                    }

                    list.InChange = reader.LocalName == "pPrChange" ? false : list.InChange;
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "footnote":
                        footnote = reader.GetAttribute("id", W);
                        break;
                    case "p":
                        // A paragraph inside a paragraph (a text box) ends the text before it; <w:p/> is a blank line.
                        if (text.Length > 0)
                        {
                            Label(text, list, lists);
                            Flush(result, text, footnote, inFootnotes);
                        }

                        list = new ListItem();

                        if (reader.IsEmptyElement)
                        {
                            Flush(result, text, footnote, inFootnotes);
                        }

                        break;
                    case "t" when !reader.IsEmptyElement:
                        // This leaves the reader on the node after </w:t>, which the loop must not skip.
                        text.Append(reader.ReadElementContentAsString());
                        positioned = true;
                        break;
                    // The properties a tracked change replaced (w:pPrChange) are not what the paragraph shows.
                    case "pPrChange" when !reader.IsEmptyElement:
                        list.InChange = true;
                        break;
                    case "numId" when !list.InChange:
                        list.NumId = reader.GetAttribute("val", W);
                        break;
                    case "ilvl" when !list.InChange:
                        list.Level = int.TryParse(reader.GetAttribute("val", W), out var level) ? level : 0;
                        break;
                    case "tab":
                        text.Append(' ');
                        break;
                    case "br" or "cr":
                        text.Append('\n');
                        break;
                    case "noBreakHyphen":
                        text.Append('-');
                        break;
                    case "footnoteReference" when !inFootnotes && reader.GetAttribute("id", W) is { } id:
                        if (!numbers.TryGetValue(id, out var number))
                        {
                            number = numbers.Count + 1;
                            numbers[id] = number;
                        }

                        text.Append(FootnoteRef.Format(number));
                        break;
                }
            }
        }
        catch (XmlException e)
        {
            throw new ExtractionException($"malformed {entry.FullName} in DOCX at line {e.LineNumber}: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new ExtractionException($"DOCX part {entry.FullName} cannot be unpacked: {e.Message}", e);
        }

        if (text.Length > 0)
        {
            Flush(result, text, footnote, inFootnotes);
        }

        return result;
    }

    /// <summary>The numPr of the paragraph being read (Word writes it in w:pPr, before the runs).</summary>
    private sealed class ListItem
    {
        public string? NumId { get; set; }

        public int Level { get; set; }

        public bool InChange { get; set; }
    }

    /// <summary>Puts the list label Word shows in front of the paragraph's text, as a reader sees it: "Vraag 3 …", "1. …".</summary>
    private static void Label(StringBuilder text, ListItem list, DocxNumbering lists)
    {
        if (list.NumId is { } numId && lists.Next(numId, list.Level) is { Length: > 0 } label)
        {
            text.Insert(0, text.Length > 0 ? label + " " : label);
        }

        list.NumId = null;
    }

    private static void Flush(List<Paragraph> result, StringBuilder text, string? footnote, bool inFootnotes)
    {
        if (inFootnotes)
        {
            // Separator "footnotes" and empty paragraphs carry no text.
            if (footnote is not null && text.ToString().Trim().Length > 0)
            {
                result.Add(new Paragraph(text.ToString().Trim(), footnote));
            }
        }
        else
        {
            result.Add(new Paragraph(text.ToString(), null));
        }

        text.Clear();
    }
}

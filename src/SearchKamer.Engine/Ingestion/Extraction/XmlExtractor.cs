using System.Xml;
using System.Xml.Linq;
using SearchKamer.Domain;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Reads KOOP <c>officiele-publicatie</c> XML (document-formats.md §7): current <c>kamervragen</c> documents,
/// the older <c>body/vragen</c> + <c>body/reactie</c> layout, and <c>metadata.xml</c> records (§8), which
/// yield metadata and no lines. Other XML yields its paragraphs so the parser can reject it with a reason.
/// </summary>
public static class XmlExtractor
{
    private static readonly string Format = DocumentFormats.Xml.Name;

    /// <summary>Metadata name for the ISO date of the question header's "(ingezonden …)".</summary>
    public const string DateSubmittedKey = "xml.datumIngezonden";

    /// <summary>Metadata name for the ISO date of the answer or notice header's "(ontvangen …)".</summary>
    public const string DateReceivedKey = "xml.datumOntvangen";

    public const string SignatureKey = "xml.ondertekening";

    private static readonly HashSet<string> BlockNames = new(StringComparer.Ordinal)
    {
        "vraag", "antwoord", "kamervraagopmerking",
    };

    public static ExtractedText Extract(string path)
    {
        var warnings = new List<string>();
        var xml = MarkupSource.ReadFile(path, "XML", warnings);
        return ExtractPrepared(xml, warnings);
    }

    /// <summary>Same as <see cref="Extract"/> for XML already in memory.</summary>
    public static ExtractedText FromContent(string xml)
    {
        var warnings = new List<string>();
        var prepared = MarkupSource.Prepare(xml, "XML", warnings);
        return ExtractPrepared(prepared, warnings);
    }

    private static ExtractedText ExtractPrepared(string xml, List<string> warnings)
    {
        var document = Load(xml);
        var root = document.Root ?? throw new ExtractionException("not XML: no root element");
        var output = new MarkupOutput(Format);
        output.Warnings.AddRange(warnings);

        if (root.Name.LocalName == "html")
        {
            throw new ExtractionException("not XML: this is an HTML page");
        }

        if (root.Name.LocalName == "metadata_gegevens")
        {
            ReadMetadataRecord(root, output);
            output.Warnings.Add("metadata.xml record: metadata only, no body text");
            return output.Build();
        }

        ReadMetaElements(root, output);
        var text = new XmlBodyText(document, output);
        var blocks = root.Descendants().Where(e => IsBlock(e) && !e.Ancestors().Any(IsBlock)).ToList();
        if (blocks.Count == 0)
        {
            output.Warnings.Add("no vraag/antwoord elements found; body text returned as paragraphs");
            output.AddParagraphs(text.Paragraphs(root));
            return output.Build();
        }

        ReadHeaders(root, text, output);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            AddBlock(block, text, output, counts);
        }

        return output.Build();
    }

    private static XDocument Load(string xml)
    {
        var start = xml.TrimStart();
        if (!start.StartsWith('<'))
        {
            throw new ExtractionException("not XML: the text does not start with markup");
        }

        if (start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase))
        {
            throw new ExtractionException("not XML: this is an HTML page");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MarkupSource.MaxBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            // A first streaming pass refuses deep nesting before the recursive walks below can overflow the stack.
            // It reads the text twice, but building the tree of a 200,000-deep file first took over 30 s.
            using (var scan = XmlReader.Create(new StringReader(start), settings))
            {
                while (scan.Read())
                {
                    if (scan.Depth > MarkupSource.MaxDepth)
                    {
                        throw MarkupSource.TooDeep("XML");
                    }
                }
            }

            using var reader = XmlReader.Create(new StringReader(start), settings);

            // Whitespace between inline elements ("<voornaam>A</voornaam> <achternaam>B</achternaam>") is text.
            return XDocument.Load(reader, LoadOptions.PreserveWhitespace | LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new ExtractionException(
                $"malformed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message}", e);
        }
    }

    private static void ReadMetadataRecord(XElement root, MarkupOutput output)
    {
        foreach (var entry in root.Descendants().Where(e => e.Name.LocalName is "metadata" or "meta"))
        {
            var name = (string?)entry.Attribute("name");
            if (name is not null)
            {
                output.AddMetadata(name, (string?)entry.Attribute("content") ?? entry.Value);
            }
        }
    }

    private static void ReadMetaElements(XElement root, MarkupOutput output)
    {
        foreach (var meta in root.Descendants().Where(e => e.Name.LocalName == "meta"))
        {
            var name = (string?)meta.Attribute("name");
            var content = (string?)meta.Attribute("content");
            if (name is not null && content is not null)
            {
                output.AddMetadata(name, content);
            }
        }

        foreach (var signature in root.Descendants().Where(e => e.Name.LocalName == "ondertekening"))
        {
            output.AddMetadata(SignatureKey, string.Join(" ", signature.DescendantNodes().OfType<XText>().Select(t => t.Value)));
        }

        var kop = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "kamervraagkop");
        if (kop is not null)
        {
            var line = kop.Descendants().FirstOrDefault(e => (string?)e.Attribute("inhoud") == "vergaderjaar") ?? kop;
            var year = MarkupOutput.Vergaderjaar(line.Value);
            if (year is not null)
            {
                output.AddMetadata(FurnitureKeys.HeaderVergaderjaar, year);
            }
        }

        var number = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "kamervraagnummer");
        if (number is not null && MarkupOutput.Clean(number.Value).Length > 0)
        {
            output.AddMetadata(FurnitureKeys.HeaderNumber, number.Value);
        }

        var oldNumber = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "vraagnummer" && !e.Ancestors().Any(IsBlock));
        if (oldNumber is not null)
        {
            output.AddMetadata("xml.vraagnummer", oldNumber.Value);
        }
    }

    /// <summary>Question header first, then the answer or notice header, whatever the element order.</summary>
    private static void ReadHeaders(XElement root, XmlBodyText text, MarkupOutput output)
    {
        var headers = root.Descendants()
            .Where(e => e.Name.LocalName is "kamervraagomschrijving" or "omschr" or "toelicht" && !e.Ancestors().Any(IsBlock))
            .Where(e => !e.Ancestors().Any(a => a.Name.LocalName is "kamervraagomschrijving" or "omschr"))
            .OrderBy(e => (string?)e.Attribute("type") == "vraag" ? 0 : 1)
            .ToList();
        if (headers.Count == 0)
        {
            output.Warnings.Add("no kamervraagomschrijving element: no header sentence");
        }

        foreach (var header in headers)
        {
            foreach (var sentence in text.Paragraphs(header))
            {
                output.AddHeader(sentence);
            }

            ReadHeaderDates(header, output);
        }
    }

    private static void ReadHeaderDates(XElement header, MarkupOutput output)
    {
        var type = (string?)header.Attribute("type");
        foreach (var date in header.Descendants().Where(e => e.Name.LocalName == "datum"))
        {
            var iso = ((string?)date.Attribute("isodatum"))?.Trim();
            if (string.IsNullOrEmpty(iso))
            {
                continue;
            }

            var before = MarkupOutput.Clean(date.NodesBeforeSelf().OfType<XText>().LastOrDefault()?.Value ?? "");
            var key = type switch
            {
                "vraag" => DateSubmittedKey,
                "antwoord" or "mededeling" => DateReceivedKey,
                _ when before.EndsWith("ingezonden", StringComparison.OrdinalIgnoreCase) => DateSubmittedKey,
                _ when before.EndsWith("ontvangen", StringComparison.OrdinalIgnoreCase) => DateReceivedKey,
                _ => null,
            };
            if (key is not null && !output.HasMetadata(key))
            {
                output.AddMetadata(key, iso);
            }
        }
    }

    private static void AddBlock(XElement block, XmlBodyText text, MarkupOutput output, Dictionary<string, int> counts)
    {
        var name = block.Name.LocalName;
        if (name == "kamervraagopmerking")
        {
            var notice = text.Paragraphs(block);
            if (notice.Count > 0 && MarkupOutput.Clean(notice[0]) == "Mededeling")
            {
                notice.RemoveAt(0);
            }

            output.AddBlock("Mededeling", notice);
            return;
        }

        var word = name == "vraag" ? "Vraag" : "Antwoord";
        var count = counts[word] = counts.GetValueOrDefault(word) + 1;
        var number = block.Elements().FirstOrDefault(e => e.Name.LocalName is "nr" or "nummer" or "vraagnummer");
        if (number is not null && MarkupOutput.Clean(number.Value).Length > 0)
        {
            output.AddBlock(MarkupOutput.Label(word, number.Value), text.Paragraphs(block, number));
            return;
        }

        var paragraphs = text.Paragraphs(block);
        if (paragraphs.Count > 0 && MarkupOutput.IsLabel(paragraphs[0]))
        {
            output.AddBlock(paragraphs[0], paragraphs.Skip(1));
            return;
        }

        output.Warnings.Add($"{name} element {count} has no number; numbered {count} in order");
        output.AddBlock($"{word} {count}", paragraphs);
    }

    private static bool IsBlock(XElement element) => BlockNames.Contains(element.Name.LocalName);
}

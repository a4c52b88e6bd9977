using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SearchKamer.Domain;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Reads an official Kamervragen page (zoek.officielebekendmakingen.nl, document-formats.md §6): meta tags,
/// header sentences, Vraag/Antwoord/Mededeling blocks and the footnotes of <c>div#noten</c>.
/// </summary>
public static partial class HtmlExtractor
{
    private static readonly string Format = DocumentFormats.Html.Name;

    private static readonly HashSet<string> InlineElements = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark",
        "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "ins", "del",
    };

    private static readonly HashSet<string> SkippedElements = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "head", "button", "form", "input", "select", "svg",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "table", "ul",
    };

    public static ExtractedText Extract(string path)
    {
        var warnings = new List<string>();
        var html = MarkupSource.ReadFile(path, "HTML", warnings);
        return ExtractPrepared(html, warnings);
    }

    /// <summary>Same as <see cref="Extract"/> for HTML already in memory.</summary>
    public static ExtractedText FromContent(string html)
    {
        var warnings = new List<string>();
        var prepared = MarkupSource.Prepare(html, "HTML", warnings);
        return ExtractPrepared(prepared, warnings);
    }

    private static ExtractedText ExtractPrepared(string html, List<string> warnings)
    {
        if (!TagPattern().IsMatch(html))
        {
            throw new ExtractionException("not HTML: no markup found");
        }

        MarkupSource.CheckRawDepth(html);
        var document = new HtmlParser().ParseDocument(html);
        MarkupSource.CheckDepth(document);
        var output = new MarkupOutput(Format);
        output.Warnings.AddRange(warnings);

        ReadMetaTags(document, output);
        ReadPageChrome(document, output);
        ReadFootnotes(document, output);

        var root = FindContentRoot(document);
        var blocks = Outermost(root.QuerySelectorAll("div.vraag, div.antwoord, div.kamervraagopmerking"));
        if (blocks.Count == 0)
        {
            output.Warnings.Add("no vraag/antwoord blocks found; body text returned as paragraphs");
            output.AddParagraphs(Paragraphs(root, output, skip: null));
            return output.Build();
        }

        var headers = Outermost(root.QuerySelectorAll("h1.kamervraagomschrijving_kop, .kamervraagomschrijving"));
        if (headers.Count == 0)
        {
            headers = PrecedingElements(root, blocks[0]);
            output.Warnings.Add("no kamervraagomschrijving element; header taken from the text before the first block");
        }

        foreach (var header in headers)
        {
            foreach (var sentence in Paragraphs(header, output, skip: null))
            {
                output.AddHeader(sentence);
            }
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            AddBlock(block, output, counts);
        }

        return output.Build();
    }

    private static void AddBlock(IElement block, MarkupOutput output, Dictionary<string, int> counts)
    {
        if (block.ClassList.Contains("kamervraagopmerking"))
        {
            var heading = block.QuerySelector("h1, h2, h3, h4");
            var skip = heading is not null && MarkupOutput.Clean(heading.TextContent) == "Mededeling" ? heading : null;
            var notice = Paragraphs(block, output, skip).ToList();
            if (notice.Count > 0 && MarkupOutput.Clean(notice[0]) == "Mededeling")
            {
                notice.RemoveAt(0);
            }

            output.AddBlock("Mededeling", notice);
            return;
        }

        var word = block.ClassList.Contains("vraag") ? "Vraag" : "Antwoord";
        var count = counts[word] = counts.GetValueOrDefault(word) + 1;
        var labelElement = block.QuerySelector("h2") ?? block.QuerySelector("p.nummer");
        if (labelElement is not null)
        {
            output.AddBlock(MarkupOutput.Label(word, labelElement.TextContent), Paragraphs(block, output, labelElement));
            return;
        }

        var paragraphs = Paragraphs(block, output, skip: null).ToList();
        if (paragraphs.Count > 0 && MarkupOutput.IsLabel(paragraphs[0]))
        {
            output.AddBlock(paragraphs[0], paragraphs.Skip(1));
            return;
        }

        output.Warnings.Add($"{word.ToLowerInvariant()} block {count} has no number; numbered in order");
        output.AddBlock($"{word} {count}", paragraphs);
    }

    private static void ReadMetaTags(IDocument document, MarkupOutput output)
    {
        foreach (var meta in document.QuerySelectorAll("meta[name]"))
        {
            var content = meta.GetAttribute("content");
            if (content is not null)
            {
                output.AddMetadata(meta.GetAttribute("name")!, content);
            }
        }

        var title = document.QuerySelector("head > title");
        if (title is not null)
        {
            output.AddMetadata("html.title", title.TextContent);
        }
    }

    /// <summary>Scrapers read the KOOP id from the "technische informatie" link when meta tags are missing.</summary>
    private static void ReadPageChrome(IDocument document, MarkupOutput output)
    {
        var technical = document.QuerySelector("a#technischeInfoHyperlink")?.GetAttribute("href");
        if (!string.IsNullOrWhiteSpace(technical))
        {
            var path = technical.Split('?', '#')[0].TrimEnd('/');
            output.AddMetadata("page.technischeInfoId", path[(path.LastIndexOf('/') + 1)..]);
        }

        var pdf = document.QuerySelector("#downloadPdfHyperLink")?.GetAttribute("href");
        if (!string.IsNullOrWhiteSpace(pdf))
        {
            output.AddMetadata("page.downloadPdf", pdf);
        }
    }

    private static void ReadFootnotes(IDocument document, MarkupOutput output)
    {
        foreach (var note in Outermost(document.QuerySelectorAll("div.noot, div.voet")))
        {
            var numberText = (note.QuerySelector("span.nootnum") ?? note.QuerySelector("sup"))?.TextContent ?? "";
            var numbers = MarkupOutput.FootnoteNumbers(numberText);
            if (numbers.Count != 1)
            {
                output.Warnings.Add($"footnote without a readable number: \"{Shorten(note.TextContent)}\"");
                continue;
            }

            var paragraphs = note.QuerySelectorAll("p").ToList();
            var text = paragraphs.Count > 0
                ? string.Join(" ", paragraphs.Select(p => InlineText(p, output, references: false)))
                : InlineText(note, output, references: false);
            var url = paragraphs
                .SelectMany(p => p.QuerySelectorAll("a[href]"))
                .Select(a => a.GetAttribute("href"))
                .FirstOrDefault(href => href is not null && !href.StartsWith('#'));
            output.AddFootnote(numbers[0], text, url);
        }
    }

    private static IElement FindContentRoot(IDocument document) =>
        document.QuerySelector("div.stuk")
        ?? document.QuerySelector("div[class*=stuk], section[class*=stuk], article[class*=stuk]")
        ?? document.QuerySelector("main.global-main")
        ?? document.Body
        ?? document.DocumentElement;

    /// <summary>Paragraph texts of a container in reading order; tables give one line per row.</summary>
    private static IEnumerable<string> Paragraphs(IElement container, MarkupOutput output, IElement? skip)
    {
        var paragraphs = new List<string>();
        CollectParagraphs(container, output, skip, paragraphs);
        return paragraphs.Where(p => MarkupOutput.Clean(p).Length > 0);
    }

    private static void CollectParagraphs(IElement container, MarkupOutput output, IElement? skip, List<string> into)
    {
        var loose = new StringBuilder();
        foreach (var child in container.ChildNodes)
        {
            if (child is not IElement element)
            {
                if (child.NodeType == NodeType.Text)
                {
                    loose.Append(child.TextContent);
                }

                continue;
            }

            if (element == skip || IsNoteBody(element) || SkippedElements.Contains(element.LocalName))
            {
                continue;
            }

            if (InlineElements.Contains(element.LocalName) || element.LocalName is "br" or "img")
            {
                AppendInline(element, output, loose, references: true);
                continue;
            }

            Flush(loose, into);
            if (element.LocalName == "table")
            {
                var caption = element.QuerySelector("caption");
                if (caption is not null)
                {
                    into.Add(InlineText(caption, output, references: true));
                }

                foreach (var row in element.QuerySelectorAll("tr"))
                {
                    var cells = row.Children
                        .Where(c => c.LocalName is "td" or "th")
                        .Select(c => MarkupOutput.Clean(InlineText(c, output, references: true)));
                    into.Add(string.Join(" | ", cells));
                }
            }
            else if (element.Children.Any(c => BlockElements.Contains(c.LocalName)))
            {
                CollectParagraphs(element, output, skip, into);
            }
            else if (element.LocalName != "hr")
            {
                into.Add(InlineText(element, output, references: true));
            }
        }

        Flush(loose, into);
    }

    private static void Flush(StringBuilder loose, List<string> into)
    {
        if (loose.Length > 0)
        {
            into.Add(loose.ToString());
            loose.Clear();
        }
    }

    private static string InlineText(IElement element, MarkupOutput output, bool references)
    {
        var builder = new StringBuilder();
        foreach (var child in element.ChildNodes)
        {
            AppendInline(child, output, builder, references);
        }

        return builder.ToString();
    }

    private static void AppendInline(INode node, MarkupOutput output, StringBuilder builder, bool references)
    {
        if (node is not IElement element)
        {
            if (node.NodeType == NodeType.Text)
            {
                builder.Append(node.TextContent);
            }

            return;
        }

        if (IsNoteBody(element) || SkippedElements.Contains(element.LocalName))
        {
            return;
        }

        if (element.LocalName == "br")
        {
            builder.Append(' ');
            return;
        }

        if (references && IsFootnoteReference(element))
        {
            var numbers = MarkupOutput.FootnoteNumbers(element.TextContent);
            if (numbers.Count > 0 && (element.LocalName == "a" || element.QuerySelector("a") is not null || numbers.All(output.HasFootnote)))
            {
                foreach (var number in numbers)
                {
                    builder.Append(output.Reference(number));
                }

                return;
            }
        }

        // Block children inside an inline context (a <p> in a table cell) still need a word break.
        var isBlock = BlockElements.Contains(element.LocalName);
        if (isBlock)
        {
            builder.Append(' ');
        }

        foreach (var child in element.ChildNodes)
        {
            AppendInline(child, output, builder, references);
        }

        if (isBlock)
        {
            builder.Append(' ');
        }
    }

    /// <summary>
    /// A bare <c>sup</c> only counts when footnote bodies with its numbers exist, so "m<sup>2</sup>" stays "m2".
    /// </summary>
    private static bool IsFootnoteReference(IElement element) =>
        element.LocalName == "sup"
        || (element.LocalName == "a" && element.ClassList.Contains("nootnum"));

    /// <summary>Footnote bodies live in div#noten; they are read separately and must not leak into the text.</summary>
    private static bool IsNoteBody(IElement element) =>
        element.Id == "noten" || element.ClassList.Contains("noot") || element.ClassList.Contains("voet");

    /// <summary>Drops matches nested inside another match, so a container is not read twice.</summary>
    private static List<IElement> Outermost(IEnumerable<IElement> elements)
    {
        var list = elements.ToList();
        var set = list.ToHashSet();
        return [.. list.Where(e => !Ancestors(e).Any(set.Contains))];
    }

    /// <summary>Elements before <paramref name="first"/> inside <paramref name="root"/>, outer levels first.</summary>
    private static List<IElement> PrecedingElements(IElement root, IElement first)
    {
        var levels = new List<List<IElement>>();
        for (var node = first; node != root && node.ParentElement is not null; node = node.ParentElement)
        {
            var level = new List<IElement>();
            for (var sibling = node.PreviousElementSibling; sibling is not null; sibling = sibling.PreviousElementSibling)
            {
                level.Insert(0, sibling);
            }

            levels.Insert(0, level);
        }

        return [.. levels.SelectMany(level => level).Where(e => !IsNoteBody(e) && !SkippedElements.Contains(e.LocalName))];
    }

    private static IEnumerable<IElement> Ancestors(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            yield return parent;
        }
    }

    private static string Shorten(string text)
    {
        var clean = MarkupOutput.Clean(text);
        return clean.Length <= 60 ? clean : clean[..60] + "…";
    }

    [GeneratedRegex(@"<\s*[a-zA-Z!?/]")]
    private static partial Regex TagPattern();
}

using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Turns KOOP XML body elements into paragraph lines: <c>al</c> paragraphs, <c>lijst/li</c> items, CALS
/// table rows, and inline <c>noot</c>/<c>nootref</c> footnotes replaced by <see cref="FootnoteRef"/> markers.
/// </summary>
internal sealed class XmlBodyText(XDocument document, MarkupOutput output)
{
    /// <summary>Elements that are a paragraph of their own when they hold no block children.</summary>
    private static readonly HashSet<string> ParagraphElements = new(StringComparer.Ordinal)
    {
        "al", "tussenkop", "kop", "titel", "item-titel", "omschr", "toelicht", "ondw", "li", "entry", "title",
        "kamervraagomschrijving", "p",
    };

    /// <summary>Elements that never break a paragraph.</summary>
    private static readonly HashSet<string> InlineElements = new(StringComparer.Ordinal)
    {
        "nadruk", "extref", "intref", "naam", "voornaam", "voorletters", "tussenvoegsel", "achternaam",
        "datum", "kamervraagonderwerp", "sup", "sub", "inf", "super", "unl", "afkorting", "noot", "nootref",
        "li.nr", "redactioneel", "br",
    };

    /// <summary>Elements that hold no reading text: metadata, signature, page furniture read elsewhere.</summary>
    private static readonly HashSet<string> SkippedElements = new(StringComparer.Ordinal)
    {
        "metadata", "ondertekening", "kamervraagkop", "kamervraagnummer",
    };

    private readonly Dictionary<string, XElement> _notesById = document
        .Descendants()
        .Where(e => e.Name.LocalName == "noot" && e.Attribute("id") is not null)
        .GroupBy(e => (string)e.Attribute("id")!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private readonly Dictionary<XElement, int> _defined = [];
    private int _lastNumber;

    public List<string> Paragraphs(XElement container, XElement? skip = null)
    {
        var into = new List<string>();
        Collect(container, skip, into);
        return [.. into.Where(p => MarkupOutput.Clean(p).Length > 0)];
    }

    public string Inline(XElement element, bool references = true)
    {
        var builder = new StringBuilder();
        AppendChildren(element, builder, references);
        return builder.ToString();
    }

    private void Collect(XElement container, XElement? skip, List<string> into)
    {
        var loose = new StringBuilder();
        foreach (var node in container.Nodes())
        {
            if (node is XText text)
            {
                loose.Append(text.Value);
                continue;
            }

            if (node is not XElement element || element == skip)
            {
                continue;
            }

            var name = element.Name.LocalName;
            if (SkippedElements.Contains(name))
            {
                continue;
            }

            if (name == "noot" && !IsInsideText(element, container))
            {
                // A note list outside any paragraph: the body is kept, there is nothing to mark.
                Define(element);
                continue;
            }

            if (InlineElements.Contains(name))
            {
                AppendInline(element, loose, references: true);
                continue;
            }

            var hasBlocks = HasBlockChildren(element);
            if (!hasBlocks && !ParagraphElements.Contains(name) && name is not ("lijst" or "table" or "tgroup"))
            {
                // Unknown leaf elements (vergaderdatum, nr …) are short runs of text; spaces keep them apart.
                loose.Append(' ').Append(Inline(element)).Append(' ');
                continue;
            }

            Flush(loose, into);
            switch (name)
            {
                case "lijst":
                    CollectList(element, into);
                    break;
                case "table" or "tgroup":
                    CollectTable(element, into);
                    break;
                default:
                    if (hasBlocks)
                    {
                        Collect(element, skip, into);
                    }
                    else
                    {
                        into.Add(Inline(element));
                    }

                    break;
            }
        }

        Flush(loose, into);
    }

    private void CollectList(XElement list, List<string> into)
    {
        foreach (var item in list.Elements().Where(e => e.Name.LocalName == "li"))
        {
            var number = item.Elements().FirstOrDefault(e => e.Name.LocalName == "li.nr");
            var paragraphs = Paragraphs(item, number);
            var prefix = number is null ? "" : MarkupOutput.Clean(Inline(number)) + " ";
            if (paragraphs.Count == 0)
            {
                continue;
            }

            into.Add(prefix + paragraphs[0]);
            into.AddRange(paragraphs.Skip(1));
        }
    }

    /// <summary>CALS tables: the title, then one line per row with the cells joined by " | ".</summary>
    private void CollectTable(XElement table, List<string> into)
    {
        var title = table.Elements().FirstOrDefault(e => e.Name.LocalName == "title");
        if (title is not null)
        {
            into.Add(Inline(title));
        }

        foreach (var row in table.Descendants().Where(e => e.Name.LocalName == "row"))
        {
            var cells = row.Elements()
                .Where(e => e.Name.LocalName == "entry")
                .Select(e => MarkupOutput.Clean(string.Join(" ", Paragraphs(e).DefaultIfEmpty(""))));
            into.Add(string.Join(" | ", cells));
        }
    }

    private static void Flush(StringBuilder loose, List<string> into)
    {
        if (loose.Length > 0)
        {
            into.Add(loose.ToString());
            loose.Clear();
        }
    }

    private void AppendChildren(XElement element, StringBuilder builder, bool references)
    {
        foreach (var node in element.Nodes())
        {
            if (node is XText text)
            {
                builder.Append(text.Value);
            }
            else if (node is XElement child)
            {
                AppendInline(child, builder, references);
            }
        }
    }

    private void AppendInline(XElement element, StringBuilder builder, bool references)
    {
        switch (element.Name.LocalName)
        {
            case "br":
                builder.Append(' ');
                return;
            case "noot":
                var number = Define(element);
                if (references && number is not null)
                {
                    builder.Append(output.Reference(number.Value));
                }

                return;
            case "nootref":
                var target = (string?)element.Attribute("refid") ?? (string?)element.Attribute("ref");
                if (target is not null && _notesById.TryGetValue(target, out var note) && Define(note) is int n)
                {
                    if (references)
                    {
                        builder.Append(output.Reference(n));
                    }
                }
                else
                {
                    output.Warnings.Add($"nootref to \"{target}\" has no matching noot");
                }

                return;
        }

        if (SkippedElements.Contains(element.Name.LocalName))
        {
            return;
        }

        var spaced = !InlineElements.Contains(element.Name.LocalName);
        if (spaced)
        {
            builder.Append(' ');
        }

        AppendChildren(element, builder, references);
        if (spaced)
        {
            builder.Append(' ');
        }
    }

    /// <summary>Records a noot body once and returns its number; unnumbered notes continue the count.</summary>
    private int? Define(XElement note)
    {
        if (_defined.TryGetValue(note, out var known))
        {
            return known;
        }

        var numberElement = note.Elements().FirstOrDefault(e => e.Name.LocalName is "noot.nr" or "nr");
        int number;
        if (numberElement is not null
            && int.TryParse(MarkupOutput.Clean(numberElement.Value).TrimEnd(')', '.'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            number = parsed;
        }
        else
        {
            number = _lastNumber + 1;
            output.Warnings.Add($"noot without a number; numbered {number} in order");
        }

        _lastNumber = Math.Max(_lastNumber, number);
        _defined[note] = number;

        var bodies = note.Elements().Where(e => e.Name.LocalName is "noot.al" or "al").ToList();
        var text = bodies.Count > 0
            ? string.Join(" ", bodies.Select(b => Inline(b, references: false)))
            : string.Concat(note.Nodes().Where(n => n != numberElement).Select(NodeText));
        var url = note.Descendants()
            .Where(e => e.Name.LocalName == "extref")
            .Select(e => ((string?)e.Attribute("doc"))?.Trim())
            .FirstOrDefault(doc => doc is not null && (doc.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || doc.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || doc.StartsWith("www.", StringComparison.OrdinalIgnoreCase)));
        output.AddFootnote(number, text, url);
        return number;
    }

    private string NodeText(XNode node) => node switch
    {
        XText text => text.Value,
        XElement element => " " + Inline(element, references: false) + " ",
        _ => "",
    };

    private static bool HasBlockChildren(XElement element) =>
        element.Elements().Any(e =>
        {
            var name = e.Name.LocalName;
            return !InlineElements.Contains(name) && (ParagraphElements.Contains(name) || e.HasElements
                || name is "lijst" or "table" or "tgroup" or "al-groep");
        });

    /// <summary>A noot directly in a container that also holds running text is a reference, not a list entry.</summary>
    private static bool IsInsideText(XElement note, XElement container) =>
        container.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value))
        && ParagraphElements.Contains(container.Name.LocalName);
}

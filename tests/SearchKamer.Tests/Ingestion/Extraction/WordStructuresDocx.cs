using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SearchKamer.Tests.Ingestion.Extraction;

/// <summary>
/// A DOCX written with the structures Word itself writes (ECMA-376 Part 1, WordprocessingML), from the
/// lines of a real corpus text: "Vraag N" labels as automatic list numbering (w:numPr into a
/// numbering.xml whose level text is "Vraag %1"), words split over runs with rsids, proofing marks
/// and bookmarks between them, w:tab, a w:br inside the answer header, and in every answer a tracked
/// deletion (w:del/w:delText) and a tracked insertion (w:ins). No real government DOCX is in the
/// repository or the shared corpus; this follows the markup of the schema, not of our extractor.
/// </summary>
public static partial class WordStructuresDocx
{
    private static readonly XNamespace W = WordPackage.W;
    private static readonly XNamespace Xml = XNamespace.Xml;

    public static byte[] Write(IReadOnlyList<string> lines, bool withNumberingPart = true)
    {
        var inAnswer = false;
        var body = new XElement(W + "body");
        foreach (var line in lines)
        {
            inAnswer = line.StartsWith("Antwoord", StringComparison.Ordinal) ? true : !line.StartsWith("Vraag", StringComparison.Ordinal) && inAnswer;
            body.Add(Paragraph(line, inAnswer && !line.StartsWith("Antwoord", StringComparison.Ordinal)));
        }

        body.Add(new XElement(W + "sectPr", new XElement(W + "pgSz", new XAttribute(W + "w", "11906"), new XAttribute(W + "h", "16838"))));
        return WordPackage.Write(body, new WordPackage.Part("numbering", withNumberingPart ? Numbering() : null));
    }

    /// <summary>The question labels as Word's list numbering: one abstract list, "Vraag %1" at level 0, "%2)" below it.</summary>
    private static string Numbering() => """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
          <w:abstractNum w:abstractNumId="0">
            <w:nsid w:val="5B2A41C3"/><w:multiLevelType w:val="hybridMultilevel"/><w:tmpl w:val="0413000F"/>
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Vraag %1"/><w:lvlJc w:val="left"/>
              <w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/><w:lvlJc w:val="left"/>
              <w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr></w:lvl>
          </w:abstractNum>
          <w:abstractNum w:abstractNumId="1">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val=""/><w:lvlJc w:val="left"/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
        </w:numbering>
        """;

    private static XElement Paragraph(string line, bool answerText)
    {
        var p = new XElement(W + "p", new XAttribute(W + "rsidR", "00A21B7C"), new XAttribute(W + "rsidRDefault", "00A21B7C"));
        if (QuestionLabel().IsMatch(line))
        {
            // The label is the list's: the paragraph itself holds no text.
            p.Add(new XElement(W + "pPr", new XElement(W + "pStyle", new XAttribute(W + "val", "Lijstalinea")),
                new XElement(W + "numPr", new XElement(W + "ilvl", new XAttribute(W + "val", "0")), new XElement(W + "numId", new XAttribute(W + "val", "1")))));
            return p;
        }

        var words = line.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i] + (i < words.Length - 1 ? " " : "");
            if (answerText && i == words.Length / 2 && word.Length > 1)
            {
                p.Add(new XElement(W + "del", new XAttribute(W + "id", i), new XAttribute(W + "author", "Auteur"), new XAttribute(W + "date", "2024-11-20T10:00:00Z"),
                    new XElement(W + "r", new XElement(W + "delText", new XAttribute(Xml + "space", "preserve"), "niet "))));
                p.Add(new XElement(W + "ins", new XAttribute(W + "id", 1000 + i), new XAttribute(W + "author", "Auteur"), new XAttribute(W + "date", "2024-11-20T10:00:00Z"),
                    Run(word)));
            }
            else if (word.StartsWith("(ontvangen", StringComparison.Ordinal))
            {
                // The header wraps by a manual line break, as a letter template does.
                p.Add(new XElement(W + "r", new XElement(W + "br")), Run(word));
            }
            else if (i == 0 && words.Length == 2 && words[1].All(char.IsAsciiDigit))
            {
                // "AH 616": a tab, not a space, between the two parts.
                p.Add(new XElement(W + "r", Text(words[0]), new XElement(W + "tab"), Text(words[1])));
                break;
            }
            else if (word.Length > 6)
            {
                // Word splits a word over runs where an edit or a spelling check touched it.
                p.Add(new XElement(W + "proofErr", new XAttribute(W + "type", "spellStart")),
                    Run(word[..3], bold: true), new XElement(W + "bookmarkStart", new XAttribute(W + "id", i), new XAttribute(W + "name", "_Hlk" + i)),
                    Run(word[3..]), new XElement(W + "bookmarkEnd", new XAttribute(W + "id", i)),
                    new XElement(W + "proofErr", new XAttribute(W + "type", "spellEnd")));
            }
            else
            {
                p.Add(Run(word));
            }
        }

        return p;
    }

    private static XElement Run(string text, bool bold = false) =>
        new(W + "r", new XAttribute(W + "rsidRPr", "00C3D4E5"),
            new XElement(W + "rPr", new XElement(W + "rFonts", new XAttribute(W + "ascii", "Verdana")), bold ? new XElement(W + "b") : null, new XElement(W + "sz", new XAttribute(W + "val", "18"))),
            Text(text));

    private static XElement Text(string text) => WordPackage.Text(text);

    [GeneratedRegex(@"^Vraag \d+$")]
    public static partial Regex QuestionLabel();
}

using System.IO.Compression;
using System.Xml.Linq;
using SearchKamer.Domain;
using SearchKamer.Ingestion.Extraction;

namespace SearchKamer.Tests.Ingestion.Extraction;

/// <summary>
/// Writes a minimal valid DOCX (the four parts Word needs, plus footnotes) from lines of a real corpus text.
/// The corpus has no DOCX files, only text extracted from them, so the tests build theirs this way: one
/// paragraph per line, footnote markers as real w:footnoteReference elements with their bodies in footnotes.xml.
/// </summary>
public static class DocxFixture
{
    private static readonly XNamespace W = WordPackage.W;

    public static byte[] Write(IEnumerable<string> lines, IReadOnlyList<Footnote>? footnotes = null)
    {
        var notes = footnotes ?? [];

        // Word always writes the two separator footnotes first (ids -1 and 0); the reader must skip them.
        var footnoteElements = new List<XElement>
        {
            new(W + "footnote", new XAttribute(W + "type", "separator"), new XAttribute(W + "id", "-1"), new XElement(W + "p", new XElement(W + "r", new XElement(W + "separator")))),
            new(W + "footnote", new XAttribute(W + "type", "continuationSeparator"), new XAttribute(W + "id", "0"), new XElement(W + "p", new XElement(W + "r", new XElement(W + "continuationSeparator")))),
        };
        footnoteElements.AddRange(notes.Select(n => new XElement(W + "footnote", new XAttribute(W + "id", n.Number),
            new XElement(W + "p",
                new XElement(W + "r", new XElement(W + "rPr", new XElement(W + "vertAlign", new XAttribute(W + "val", "superscript"))), new XElement(W + "footnoteRef")),
                new XElement(W + "r", WordPackage.Text(" " + n.Text))))));
        var footnotesPart = WordPackage.Xml(new XElement(W + "footnotes", new XAttribute(XNamespace.Xmlns + "w", W), footnoteElements));
        return WordPackage.Write(new XElement(W + "body", lines.Select(Paragraph)), new WordPackage.Part("footnotes", footnotesPart));
    }

    /// <summary>The fields a DOCX rendition must read the same as the text or PDF of the same document.</summary>
    public static void AssertSameRecord(KamervraagDocument expected, KamervraagDocument actual)
    {
        Assert.Equal("docx", actual.Source.Format);
        Assert.Equal((expected.Kind, expected.OfficialId, expected.DocumentNumber), (actual.Kind, actual.OfficialId, actual.DocumentNumber));
        Assert.Equal(expected.ZaakNumbers, actual.ZaakNumbers);
        Assert.Equal(expected.Askers, actual.Askers);
        Assert.Equal(expected.Questions.Count, actual.Questions.Count);
        Assert.Equal(expected.Questions.Select(q => q.Answer), actual.Questions.Select(q => q.Answer));
    }

    /// <summary>A zip with one part, for the tests of broken and hostile files.</summary>
    public static byte[] Zip(string part, ReadOnlySpan<byte> content, int repeatMiB = 0, ReadOnlySpan<byte> tail = default)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry(part, CompressionLevel.SmallestSize).Open();
            s.Write(content);
            var filler = new byte[1 << 20];
            Array.Fill(filler, (byte)'a');
            for (var i = 0; i < repeatMiB; i++)
            {
                s.Write(filler);
            }

            s.Write(tail);
        }

        return buffer.ToArray();
    }

    /// <summary>A line becomes runs: text, and for each footnote marker a superscript reference run.</summary>
    private static XElement Paragraph(string line)
    {
        var p = new XElement(W + "p");
        var at = 0;
        foreach (System.Text.RegularExpressions.Match m in FootnoteRef.Pattern().Matches(line))
        {
            if (m.Index > at)
            {
                p.Add(new XElement(W + "r", Text(line[at..m.Index])));
            }

            p.Add(new XElement(W + "r", new XElement(W + "rPr", new XElement(W + "rStyle", new XAttribute(W + "val", "FootnoteReference"))),
                new XElement(W + "footnoteReference", new XAttribute(W + "id", m.Groups[1].Value))));
            at = m.Index + m.Length;
        }

        if (at < line.Length)
        {
            p.Add(new XElement(W + "r", Text(line[at..])));
        }

        return p;
    }

    private static XElement Text(string text) => WordPackage.Text(text);
}

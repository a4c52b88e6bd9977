using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace SearchKamer.Tests.Ingestion.Extraction;

/// <summary>
/// The package around a WordprocessingML body (ECMA-376 Part 2, Open Packaging Conventions): content
/// types, the package relationship to word/document.xml, and the document's relationships to its other
/// parts. The DOCX fixtures differ only in the body and parts they put in it.
/// </summary>
public static class WordPackage
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <param name="Kind">The relationship and content-type name: "footnotes", "numbering".</param>
    /// <param name="Xml">The part; null writes the relationship and content type but leaves the part out, as a damaged file would.</param>
    public sealed record Part(string Kind, string? Xml);

    public static byte[] Write(XElement body, params Part[] parts)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                  <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                  <Default Extension="xml" ContentType="application/xml"/>
                  <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
                  {string.Concat(parts.Select(p => $"""<Override PartName="/word/{p.Kind}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{p.Kind}+xml"/>"""))}
                </Types>
                """);
            Add(zip, "_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
                </Relationships>
                """);
            Add(zip, "word/_rels/document.xml.rels", $"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                  {string.Concat(parts.Select((p, i) => $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{p.Kind}" Target="{p.Kind}.xml"/>"""))}
                </Relationships>
                """);
            foreach (var part in parts.Where(p => p.Xml is not null))
            {
                Add(zip, $"word/{part.Kind}.xml", part.Xml!);
            }

            Add(zip, "word/document.xml", Xml(new XElement(W + "document", new XAttribute(XNamespace.Xmlns + "w", W), body)));
        }

        return buffer.ToArray();
    }

    /// <summary>A w:t that keeps its leading and trailing spaces, as Word writes text split over runs.</summary>
    public static XElement Text(string text) => new(W + "t", new XAttribute(XNamespace.Xml + "space", "preserve"), text);

    public static string Xml(XElement root) => "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + root.ToString(SaveOptions.DisableFormatting);

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(new UTF8Encoding(false).GetBytes(content.Trim()));
    }
}

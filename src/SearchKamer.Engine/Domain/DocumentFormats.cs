namespace SearchKamer.Domain;

/// <summary>
/// A file format SearchKamer reads. <see cref="SourceInfo.Format"/> holds its <see cref="Name"/> (in the index and
/// the API, so the names stay as they were).
/// </summary>
/// <param name="Name">"pdf", "docx", "html", "xml" or "text".</param>
/// <param name="Label">What a reader calls it ("PDF", "tekst").</param>
/// <param name="ContentType">How the file endpoint serves it.</param>
/// <param name="RenditionRank">Which rendition of one document gives its content: the highest (structured markup first).</param>
/// <param name="Extensions">File name endings that name it when the first bytes do not; the first is the one a download gets.</param>
/// <param name="HttpTypes">The media types a server sends it as (without parameters).</param>
public sealed record DocumentFormat(string Name, string Label, string ContentType, int RenditionRank, IReadOnlyList<string> Extensions, IReadOnlyList<string> HttpTypes)
{
    /// <summary>Served for reading in the browser rather than as a download.</summary>
    public bool Inline { get; init; }

    /// <summary>Served with byte ranges (a PDF viewer asks for pages).</summary>
    public bool Ranges { get; init; }
}

/// <summary>
/// The formats as one registry, read by sniffing and reading (Ingestion), ranking renditions (Indexing), the
/// sync's downloads and the file endpoint and document page (Host).
/// </summary>
public static class DocumentFormats
{
    public static readonly DocumentFormat Pdf = new("pdf", "PDF", "application/pdf", 2, [".pdf"], ["application/pdf"]) { Ranges = true };

    public static readonly DocumentFormat Docx = new("docx", "DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 1,
        [".docx"], ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"]);

    public static readonly DocumentFormat Html = new("html", "HTML", "text/html; charset=utf-8", 3, [".html", ".htm", ".xhtml"], ["text/html", "application/xhtml+xml"]);

    public static readonly DocumentFormat Xml = new("xml", "XML", "application/xml; charset=utf-8", 4, [".xml"], ["text/xml", "application/xml"]);

    /// <summary>Plain text: also what any file is taken for that no other format claims.</summary>
    public static readonly DocumentFormat Text = new("text", "tekst", "text/plain; charset=utf-8", 1, [".txt"], ["text/plain"]) { Inline = true };

    public static IReadOnlyList<DocumentFormat> All { get; } = [Pdf, Docx, Html, Xml, Text];

    /// <summary>The format of a stored name (<see cref="SourceInfo.Format"/>); null for a name no format has.</summary>
    public static DocumentFormat? Named(string? name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>The format a file name's ending names ("Antwoord.HTM" → HTML); null when none does.</summary>
    public static DocumentFormat? OfExtension(string path) =>
        All.FirstOrDefault(f => f.Extensions.Contains(Path.GetExtension(path).ToLowerInvariant()));

    /// <summary>The format of an HTTP Content-Type ("text/html; charset=utf-8"); null when none has it.</summary>
    public static DocumentFormat? OfHttpType(string? contentType) =>
        contentType?.Split(';')[0].Trim().ToLowerInvariant() is { Length: > 0 } type ? All.FirstOrDefault(f => f.HttpTypes.Contains(type)) : null;
}

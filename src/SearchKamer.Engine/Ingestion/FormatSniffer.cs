using System.Text;
using SearchKamer.Domain;

namespace SearchKamer.Ingestion;

/// <summary>Chooses an extractor by the file's first bytes, falling back to its extension.</summary>
public static class FormatSniffer
{
    public static DocumentFormat Detect(string path)
    {
        var head = new byte[512];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.Read(head, 0, head.Length);
        }

        if (read >= 4 && Encoding.ASCII.GetString(head, 0, 4) == "%PDF")
        {
            return DocumentFormats.Pdf;
        }

        // A zip is taken for a DOCX whatever its name; the extractor says so when word/document.xml is missing.
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            return DocumentFormats.Docx;
        }

        var text = Encoding.UTF8.GetString(head, 0, read).TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentFormats.Html;
        }

        if (text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<officiele-publicatie", StringComparison.Ordinal))
        {
            return text.Contains("<html", StringComparison.OrdinalIgnoreCase) ? DocumentFormats.Html : DocumentFormats.Xml;
        }

        // A file named .pdf that is not one still goes to the PDF extractor, which names what it found instead.
        return DocumentFormats.OfExtension(path) ?? DocumentFormats.Text;
    }
}

using System.IO.Compression;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Refuses a PDF whose compressed streams inflate to far more than any answer document needs, before
/// PdfPig inflates them into memory whole (a small file can otherwise claim gigabytes).
/// </summary>
internal static class PdfStreams
{
    /// <summary>The bundled PDFs inflate to well under 1 MB each.</summary>
    public const long MaxInflatedBytes = 64L * 1024 * 1024;

    public static void CheckInflatedSize(byte[] pdf)
    {
        var total = 0L;
        var buffer = new byte[64 * 1024];
        var at = 0;
        while (NextStream(pdf, ref at) is var (start, end) && end > start)
        {
            total += Inflated(pdf, start, end - start, buffer, MaxInflatedBytes - total);
            if (total > MaxInflatedBytes)
            {
                throw new ExtractionException($"PDF-stromen pakken uit tot meer dan {MaxInflatedBytes / (1024 * 1024)} MB; geen Kamervragen-PDF");
            }
        }
    }

    /// <summary>The bytes between the next "stream" keyword's end of line and its "endstream".</summary>
    private static (int Start, int End)? NextStream(byte[] pdf, ref int at)
    {
        var span = pdf.AsSpan();
        while (at < pdf.Length)
        {
            var found = span[at..].IndexOf("stream"u8);
            if (found < 0)
            {
                return null;
            }

            var keyword = at + found;
            var start = keyword + 6;
            at = start;
            if (keyword >= 3 && span.Slice(keyword - 3, 3).SequenceEqual("end"u8))
            {
                continue;
            }

            start += start < pdf.Length && pdf[start] == '\r' ? 1 : 0;
            if (start >= pdf.Length || pdf[start] != '\n')
            {
                continue;
            }

            start++;
            var end = span[start..].IndexOf("endstream"u8);
            end = end < 0 ? pdf.Length : start + end;
            at = end;
            return (start, end);
        }

        return null;
    }

    /// <summary>Inflated size up to <paramref name="budget"/> + 1; 0 when the stream is not zlib (PdfPig judges those).</summary>
    private static long Inflated(byte[] pdf, int start, int length, byte[] buffer, long budget)
    {
        var total = 0L;
        try
        {
            // Read in place: a copy of every stream would double what the check is meant to bound.
            using var zlib = new ZLibStream(new MemoryStream(pdf, start, length, writable: false), CompressionMode.Decompress);
            int read;
            while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
            {
                total += read;
                if (total > budget)
                {
                    break;
                }
            }
        }
        catch (InvalidDataException)
        {
            // Not zlib, or damaged after some output: what came out still counts.
        }

        return total;
    }
}

using System.Text;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>Turns the bytes of a text rendition into a string, refusing files that are not text.</summary>
internal static class TextDecoding
{
    /// <summary>Larger files are not Kamervragen texts; the biggest real one is ~64 KB.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(byte[] bytes, List<string> warnings)
    {
        if (bytes.Length > MaxBytes)
        {
            throw new ExtractionException($"text file too large ({bytes.Length} bytes; limit {MaxBytes})");
        }

        var start = HasUtf8Bom(bytes) ? 3 : 0;
        if (bytes.Length - start == 0)
        {
            throw new ExtractionException("empty text file");
        }

        if (LooksBinary(bytes, start))
        {
            throw new ExtractionException("binary content (NUL or control bytes), not a text file");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            if (InvalidUtf8Share(bytes, start) > 0.2)
            {
                throw new ExtractionException("binary content (mostly invalid UTF-8), not a text file");
            }

            text = Windows1252().GetString(bytes, start, bytes.Length - start);
            warnings.Add("text is not valid UTF-8; decoded as Windows-1252");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ExtractionException("text file contains only whitespace");
        }

        return text;
    }

    private static bool HasUtf8Bom(byte[] b) => b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;

    // Text files never hold NUL; a few stray control bytes can occur, many mean a binary format.
    private static bool LooksBinary(byte[] bytes, int start)
    {
        var sample = Math.Min(bytes.Length, start + 64 * 1024);
        var control = 0;
        for (var i = start; i < sample; i++)
        {
            var b = bytes[i];
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C))
            {
                control++;
            }
        }

        return control > (sample - start) / 10;
    }

    // Windows-1252 prose yields a replacement char per accented letter (a few percent); binary far more.
    private static double InvalidUtf8Share(byte[] bytes, int start)
    {
        var chars = new UTF8Encoding(false, false).GetString(bytes, start, bytes.Length - start);
        var invalid = chars.Count(c => c == '\uFFFD');
        return chars.Length == 0 ? 1 : invalid / (double)chars.Length;
    }

    private static Encoding Windows1252()
    {
        // The code-pages provider ships with .NET; without registering it globally we ask it directly.
        return CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
    }
}

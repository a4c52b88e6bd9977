using System.Text;
using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Reads an HTML or XML file into a string the parsers can trust: bounded in size, refused when it is
/// binary, decoded by BOM or as UTF-8, and repaired when it was UTF-8 that someone read as Latin-1.
/// </summary>
internal static partial class MarkupSource
{
    /// <summary>Official pages are well under 1 MB; anything this large is not a Kamervragen document.</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>Official pages nest a few dozen levels; the extractors walk the tree recursively, so far deeper nesting is refused.</summary>
    public const int MaxDepth = 256;

    private const int MaxRawDepth = 16 * MaxDepth;

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    public static ExtractionException TooDeep(string formatName, int limit = MaxDepth) =>
        new($"{formatName} nested deeper than {limit} levels; not an official page");

    /// <summary>Walks the tree without recursion: the extractors recurse, so deep nesting must be refused first.</summary>
    public static void CheckDepth(AngleSharp.Dom.INode root)
    {
        var pending = new Stack<(AngleSharp.Dom.INode Node, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > MaxDepth)
            {
                throw TooDeep("HTML");
            }

            foreach (var child in node.ChildNodes)
            {
                pending.Push((child, depth + 1));
            }
        }
    }

    /// <summary>
    /// Open minus closed tags in the raw text (void and self-closed tags aside), checked before parsing:
    /// the HTML parser's work grows with the square of the depth, so 100,000 nested divs would hold a
    /// worker for minutes. Generous, as unclosed &lt;p&gt; or &lt;li&gt; also count here.
    /// </summary>
    public static void CheckRawDepth(string html)
    {
        var depth = 0;
        // The '>' after a tag is found once per stretch, not once per '<': text with many '<' and a
        // single '>' at the end made this check itself quadratic.
        var close = -1;
        var voids = VoidElements.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var i = html.IndexOf('<', StringComparison.Ordinal); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            if (html[i + 1] == '/')
            {
                depth = Math.Max(0, depth - 1);
                continue;
            }

            if (close < i)
            {
                close = html.IndexOf('>', i);
                if (close < 0)
                {
                    return;
                }
            }

            if (!char.IsAsciiLetter(html[i + 1]) || html[close - 1] == '/' || voids.Contains(TagName(html, i + 1)))
            {
                continue;
            }

            if (++depth > MaxRawDepth)
            {
                throw TooDeep("HTML", MaxRawDepth);
            }
        }
    }

    private static ReadOnlySpan<char> TagName(string html, int start)
    {
        var end = start;
        while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
        {
            end++;
        }

        return html.AsSpan(start, end - start);
    }

    private const int SniffBytes = 8192;

    /// <param name="formatName">"HTML" or "XML", used in the error messages.</param>
    /// <param name="warnings">Receives a note when the text had to be decoded or repaired.</param>
    public static string ReadFile(string path, string formatName, List<string> warnings)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ExtractionException($"file not found: {path}");
        }

        if (info.Length > MaxBytes)
        {
            throw new ExtractionException(
                $"file too large for {formatName}: {info.Length} bytes (limit {MaxBytes})");
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new ExtractionException($"cannot read file: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ExtractionException($"cannot read file: {e.Message}", e);
        }

        return Decode(bytes, formatName, warnings);
    }

    public static string Decode(byte[] bytes, string formatName, List<string> warnings)
    {
        if (bytes.Length == 0)
        {
            throw new ExtractionException("empty file");
        }

        if (bytes.Length > MaxBytes)
        {
            throw new ExtractionException($"input too large for {formatName}: {bytes.Length} bytes");
        }

        var text = DecodeText(bytes, formatName, warnings);
        return Prepare(text, formatName, warnings);
    }

    /// <summary>Checks and repairs text that is already a string (the content overloads).</summary>
    public static string Prepare(string text, string formatName, List<string> warnings)
    {
        if (text.Length > MaxBytes)
        {
            throw new ExtractionException($"input too large for {formatName}: {text.Length} characters");
        }

        text = StripLeadingByteOrderMarks(text, warnings);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ExtractionException("empty file");
        }

        if (LooksBinary(text))
        {
            throw new ExtractionException($"not {formatName}: the file holds binary data");
        }

        return RepairMojibake(text, warnings);
    }

    private static string DecodeText(byte[] bytes, string formatName, List<string> warnings)
    {
        if (StartsWith(bytes, "%PDF-"u8))
        {
            throw new ExtractionException($"not {formatName}: the file is a PDF");
        }

        if (StartsWith(bytes, "PK\u0003\u0004"u8))
        {
            throw new ExtractionException($"not {formatName}: the file is a ZIP container (DOCX/ODT?)");
        }

        if (StartsWith(bytes, [0xEF, 0xBB, 0xBF]))
        {
            return Strict(Encoding.UTF8).GetString(bytes, 3, bytes.Length - 3);
        }

        if (StartsWith(bytes, [0xFF, 0xFE]) || StartsWith(bytes, [0xFE, 0xFF]))
        {
            var unicode = bytes[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return unicode.GetString(bytes, 2, bytes.Length - 2);
        }

        var sniff = bytes.AsSpan(0, Math.Min(bytes.Length, SniffBytes));
        if (sniff.Contains((byte)0))
        {
            throw new ExtractionException($"not {formatName}: the file holds binary data");
        }

        try
        {
            return Strict(Encoding.UTF8).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // Older pages and hand-saved files are Latin-1; every byte sequence decodes, so this cannot fail.
            warnings.Add($"{formatName} is not valid UTF-8; read as Latin-1");
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static Encoding Strict(Encoding encoding) =>
        Encoding.GetEncoding(encoding.WebName, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) =>
        bytes.AsSpan().StartsWith(prefix);

    /// <summary>
    /// Re-serialised corpus files start with a BOM that was itself mis-decoded ("ï»¿"), sometimes followed by
    /// a newline before the XML declaration; both would make the XML reader reject a sound document.
    /// </summary>
    private static string StripLeadingByteOrderMarks(string text, List<string> warnings)
    {
        var start = 0;
        var sawMangledBom = false;
        while (true)
        {
            if (start < text.Length && text[start] == '\uFEFF')
            {
                start++;
            }
            else if (string.CompareOrdinal(text, start, "\u00EF\u00BB\u00BF", 0, 3) == 0)
            {
                start += 3;
                sawMangledBom = true;
            }
            else
            {
                break;
            }
        }

        if (sawMangledBom)
        {
            warnings.Add("file starts with a mis-decoded byte-order mark (ï»¿)");
        }

        return start == 0 ? text : text[start..].TrimStart();
    }

    private static bool LooksBinary(string text)
    {
        var length = Math.Min(text.Length, SniffBytes);
        var control = 0;
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return true;
            }

            if (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                control++;
            }
        }

        return control > length / 100 + 2;
    }

    /// <summary>
    /// Undoes UTF-8 that was decoded as Latin-1 and saved again ("KrÃ¶ger" for "Kröger"), as in the
    /// re-serialised Handelingen XML. Only when every character fits in a byte and the bytes form strict
    /// UTF-8, which genuine Latin-1 prose practically never does.
    /// </summary>
    private static string RepairMojibake(string text, List<string> warnings)
    {
        if (!MojibakePair().IsMatch(text))
        {
            return text;
        }

        foreach (var c in text)
        {
            if (c > '\u00FF')
            {
                return text;
            }
        }

        try
        {
            var repaired = Strict(Encoding.UTF8).GetString(Encoding.Latin1.GetBytes(text));
            warnings.Add("text was UTF-8 decoded as Latin-1 (mojibake); repaired");
            return repaired;
        }
        catch (DecoderFallbackException)
        {
            return text;
        }
    }

    [GeneratedRegex("[\u00C2-\u00F4][\u0080-\u00BF]")]
    private static partial Regex MojibakePair();
}

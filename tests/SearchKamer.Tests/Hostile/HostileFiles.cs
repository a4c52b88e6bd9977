using System.IO.Compression;
using System.Text;

namespace SearchKamer.Tests.Hostile;

/// <summary>What a generated file is meant to be: readable, certainly unreadable, or damaged either way.</summary>
public enum Expectation
{
    Good,
    Bad,
    Either,
}

public sealed record HostileFile(string Path, string Kind, Expectation Expected);

/// <summary>
/// Writes a seeded mix of hostile files made from the real corpus documents: truncations, bit flips,
/// deep nesting, huge lines, billion laughs, an inflating PDF stream, wrong extensions, empty and
/// non-UTF-8 files, plus untouched copies that must still be indexed.
/// </summary>
public sealed class HostileFiles(string folder, int seed, long bombBytes)
{
    private readonly Random _random = new(seed);
    private readonly List<HostileFile> _files = [];
    private byte[]? _bomb;

    public IReadOnlyList<HostileFile> Write(IReadOnlyList<string> goodSources, int count)
    {
        var pdfs = goodSources.Where(s => s.EndsWith(".pdf", StringComparison.Ordinal)).ToList();
        var texts = goodSources.Where(s => !s.EndsWith(".pdf", StringComparison.Ordinal)).ToList();
        for (var i = 0; _files.Count < count; i++)
        {
            var pdf = pdfs[_random.Next(pdfs.Count)];
            var text = texts[_random.Next(texts.Count)];
            var any = _random.Next(2) == 0 ? pdf : text;
            switch (i % 14)
            {
                case 0 or 7: Add("good", Path.GetExtension(any), File.ReadAllBytes(any), Expectation.Good); break;
                case 1: Add("truncated-pdf", ".pdf", Truncate(File.ReadAllBytes(pdf)), Expectation.Either); break;
                case 2: Add("bit-flips", Path.GetExtension(any), Flip(File.ReadAllBytes(any)), Expectation.Either); break;
                case 3: Add("wrong-extension", Pick([".txt", ".xml", ".html", ".md"]), File.ReadAllBytes(pdf), Expectation.Good); break;
                case 4: Add("zero-bytes", Pick([".pdf", ".txt", ".xml", ".html"]), [], Expectation.Bad); break;
                case 5: Add("not-utf8", ".txt", NotUtf8(File.ReadAllText(text)), Expectation.Either); break;
                case 6: Add("huge-line", ".txt", HugeLine(), Expectation.Bad); break;
                case 8: Add("deep-html", ".html", Deep("<!DOCTYPE html><html><body>", "<div>", "</div>", "</body></html>"), Expectation.Bad); break;
                case 9: Add("deep-xml", ".xml", Deep("<?xml version=\"1.0\"?><officiele-publicatie>", "<al>", "</al>", "</officiele-publicatie>"), Expectation.Bad); break;
                case 10: Add("billion-laughs", ".xml", BillionLaughs(), Expectation.Bad); break;
                case 11: Add("inflating-pdf", ".pdf", _bomb ??= InflatingPdf(bombBytes), Expectation.Bad); break;
                case 12: Add("garbage-pdf", ".pdf", [.. "%PDF-1.7\n"u8, .. Bytes(_random.Next(10, 200_000))], Expectation.Bad); break;
                default: Add("external-entity", ".xml", ExternalEntity(), Expectation.Bad); break;
            }
        }

        return _files;
    }

    private void Add(string kind, string extension, byte[] bytes, Expectation expected)
    {
        var path = System.IO.Path.Combine(folder, $"{_files.Count:D5}-{kind}{extension}");
        File.WriteAllBytes(path, bytes);
        _files.Add(new HostileFile(path, kind, expected));
    }

    private byte[] Truncate(byte[] bytes) => bytes[.._random.Next(1, bytes.Length - 1)];

    private byte[] Flip(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        for (var n = _random.Next(1, 60); n > 0; n--)
        {
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        }

        return copy;
    }

    /// <summary>Latin-1, UTF-16 without a BOM, or UTF-8 with stray continuation and overlong bytes.</summary>
    private byte[] NotUtf8(string text) => _random.Next(3) switch
    {
        0 => Encoding.Latin1.GetBytes(text),
        1 => Encoding.Unicode.GetBytes(text),
        _ => [.. Encoding.UTF8.GetBytes(text[..(text.Length / 2)]), 0xC3, 0x28, 0xFF, 0xFE, 0xC0, 0xAF, 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes(text[(text.Length / 2)..])],
    };

    private byte[] HugeLine()
    {
        var line = new StringBuilder("Vraag 1 ");
        while (line.Length < _random.Next(1_000_000, 4_000_000))
        {
            line.Append("Kent u het bericht over de aardgaswinning in Groningen? ");
        }

        return Encoding.UTF8.GetBytes(line.ToString());
    }

    private byte[] Deep(string head, string open, string close, string tail)
    {
        var depth = _random.Next(20_000, 200_000);
        var sb = new StringBuilder(head);
        sb.Insert(sb.Length, open, depth).Append("Vraag 1 Kent u het bericht?").Insert(sb.Length, close, depth).Append(tail);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static byte[] BillionLaughs()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            sb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">\n");
        }

        return Encoding.UTF8.GetBytes(sb.Append("]>\n<officiele-publicatie><al>&lol9;</al></officiele-publicatie>\n").ToString());
    }

    private static byte[] ExternalEntity() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<officiele-publicatie><al>&xxe;</al></officiele-publicatie>\n");

    /// <summary>A one-page PDF whose content stream is small on disk and inflates to <paramref name="inflated"/> bytes.</summary>
    private static byte[] InflatingPdf(long inflated)
    {
        var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write("BT /F1 12 Tf 72 700 Td (Vraag 1) Tj ET\n"u8);
            var zeros = new byte[1 << 20];
            for (long written = 0; written < inflated; written += zeros.Length)
            {
                zlib.Write(zeros);
            }
        }

        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Text(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        void Obj(string body)
        {
            offsets.Add(pdf.Position);
            Text($"{offsets.Count} 0 obj\n{body}\nendobj\n");
        }

        Text("%PDF-1.4\n");
        Obj("<< /Type /Catalog /Pages 2 0 R >>");
        Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        offsets.Add(pdf.Position);
        Text($"4 0 obj\n<< /Length {compressed.Length} /Filter /FlateDecode >>\nstream\n");
        pdf.Write(compressed.ToArray());
        Text("\nendstream\nendobj\n");
        Obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        var xref = pdf.Position;
        Text($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n{string.Concat(offsets.Select(o => $"{o:D10} 00000 n \n"))}");
        Text($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }

    private byte[] Bytes(int n)
    {
        var bytes = new byte[n];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}

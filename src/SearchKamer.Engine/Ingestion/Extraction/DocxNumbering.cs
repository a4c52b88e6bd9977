using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Word's automatic list numbering (word/numbering.xml): a paragraph with w:numPr shows a label such
/// as "1." or "Vraag 3" that is in no w:t, so questions numbered by a Word list would lose their
/// numbers. Counts per list instance (w:num) and level as Word does: a level restarts after a higher
/// one, w:startOverride restarts an instance.
/// </summary>
internal sealed class DocxNumbering
{
    public const string Part = "word/numbering.xml";

    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private readonly Dictionary<string, string> _abstractOfNum = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Abstract, int Level), Level> _levels = [];
    private readonly Dictionary<(string Num, int Level), int> _startOverrides = [];
    private readonly Dictionary<string, int[]> _counters = new(StringComparer.Ordinal);

    private sealed record Level(string Format, string Text, int Start);

    public static DocxNumbering Empty { get; } = new();

    /// <summary>Reads numbering.xml when the file has one; reading is bounded by <paramref name="settings"/>.</summary>
    public static DocxNumbering Read(ZipArchive zip, XmlReaderSettings settings)
    {
        var numbering = new DocxNumbering();
        if (zip.GetEntry(Part) is not { } entry)
        {
            return numbering;
        }

        if (entry.Length > DocxExtractor.MaxPartBytes)
        {
            throw new ExtractionException($"DOCX part {Part} unpacks to {entry.Length} bytes (limit {DocxExtractor.MaxPartBytes})");
        }

        using var reader = XmlReader.Create(entry.Open(), settings);
        string? abstractId = null, numId = null, format = null, text = null;
        int level = 0, start = 1;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != W)
            {
                continue;
            }

            var val = reader.GetAttribute("val", W);
            switch (reader.LocalName)
            {
                case "abstractNum":
                    (abstractId, numId) = (reader.GetAttribute("abstractNumId", W), null);
                    break;
                case "num":
                    (numId, abstractId) = (reader.GetAttribute("numId", W), null);
                    break;
                case "abstractNumId" when numId is not null && val is not null:
                    numbering._abstractOfNum[numId] = val;
                    break;
                case "lvl" or "lvlOverride":
                    level = Int(reader.GetAttribute("ilvl", W), 0);
                    (format, text, start) = ("decimal", "", 1);
                    break;
                case "start" when abstractId is not null:
                    start = Int(val, 1);
                    numbering._levels[(abstractId, level)] = new Level(format ?? "decimal", text ?? "", start);
                    break;
                case "startOverride" when numId is not null:
                    numbering._startOverrides[(numId, level)] = Int(val, 1);
                    break;
                case "numFmt" when abstractId is not null:
                    format = val ?? "decimal";
                    numbering._levels[(abstractId, level)] = new Level(format, text ?? "", start);
                    break;
                case "lvlText" when abstractId is not null:
                    text = val ?? "";
                    numbering._levels[(abstractId, level)] = new Level(format ?? "decimal", text, start);
                    break;
            }
        }

        return numbering;
    }

    /// <summary>The label the next paragraph of list <paramref name="numId"/> at <paramref name="level"/> shows, or null (bullets, no list).</summary>
    public string? Next(string numId, int level)
    {
        if (numId == "0" || !_abstractOfNum.TryGetValue(numId, out var abstractId) || level is < 0 or > 8
            || !_levels.TryGetValue((abstractId, level), out var lvl))
        {
            return null;
        }

        if (!_counters.TryGetValue(numId, out var counters))
        {
            counters = new int[9];
            for (var l = 0; l < 9; l++)
            {
                counters[l] = StartOf(numId, abstractId, l) - 1;
            }

            _counters[numId] = counters;
        }

        counters[level]++;
        for (var deeper = level + 1; deeper < 9; deeper++)
        {
            counters[deeper] = StartOf(numId, abstractId, deeper) - 1;
        }

        if (lvl.Format is "bullet" or "none")
        {
            return null;
        }

        var label = new StringBuilder(lvl.Text);
        for (var l = 0; l <= level; l++)
        {
            var format = _levels.TryGetValue((abstractId, l), out var x) ? x.Format : "decimal";
            label.Replace("%" + (l + 1).ToString(CultureInfo.InvariantCulture), Format(Math.Max(counters[l], 1), format));
        }

        return label.ToString();
    }

    private int StartOf(string numId, string abstractId, int level) =>
        _startOverrides.TryGetValue((numId, level), out var s) ? s
        : _levels.TryGetValue((abstractId, level), out var lvl) ? lvl.Start : 1;

    private static int Int(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    private static string Format(int n, string format) => format switch
    {
        "lowerLetter" => Letters(n).ToLowerInvariant(),
        "upperLetter" => Letters(n),
        "lowerRoman" => Roman(n).ToLowerInvariant(),
        "upperRoman" => Roman(n),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    // Word repeats the letter after z: aa, bb, …
    private static string Letters(int n) => new((char)('A' + ((n - 1) % 26)), ((n - 1) / 26) + 1);

    private static string Roman(int n)
    {
        (int Value, string Digits)[] table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
        var roman = new StringBuilder();
        foreach (var (value, digits) in table)
        {
            for (; n >= value; n -= value)
            {
                roman.Append(digits);
            }
        }

        return roman.ToString();
    }
}

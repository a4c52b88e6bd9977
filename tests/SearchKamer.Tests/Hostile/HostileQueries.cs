using System.Text;

namespace SearchKamer.Tests.Hostile;

/// <summary>
/// Seeded generator of hostile request URLs: syntax fragments, unbalanced quotes and brackets, huge
/// numbers, negative pages, invalid dates, very long queries, wildcards that expand to many terms,
/// fuzzy terms, control characters and percent-escapes that are not UTF-8.
/// </summary>
public sealed class HostileQueries(int seed)
{
    private static readonly string[] Words =
        ["belasting", "regering", "stikstof", "minister", "de", "het", "en", "vragen", "Limburg", "BZK", "ontwikkelingshulp", "aardgas", "wachttijden"];

    private static readonly string[] Syntax =
    [
        "\"", "(", ")", "[", "]", "{", "}", "AND", "OR", "NOT", "&&", "||", "!", "-", "+", "~", "^", ":", "\\", "/", "*", "?",
        "a*", "*a*", "?", "??*", "*", "a?", "b*e*r*", "*?*?*?*?", "regering~", "regering~2", "a~0.1", "x~99999999999", "st*~",
        "\"de het\"~99999999", "\"stikstof regering\"~2147483647", "\"belasting minister\"~99999999", "\"stikstof", "stikstof\"", "^999999999999999999999", "^-1", "[a TO z]", "{* TO *}", "[* TO ", "vraag:",
        "antwoord:(", "indiener:\"", "partij:*", "minister:a*", "onbekend:x", "onderwerp:[a TO b]", "_id:1", "*:*", "/regex.*/",
        "\u0000", "\u0001", "\u001b[31m", "\u202e", "\ufeff", "\ud83d\ude00", "e\u0301", "<script>alert(1)</script>", "javascript:alert(1)",
        "' OR 1=1 --", "%00", "99999999999999999999999", "-0", "1e308", "NaN", "\t\r\n",
    ];

    private static readonly string[] RawEscapes = ["%FF", "%FE%FF", "%C0%AF", "%ED%A0%80", "%E2%82", "%F4%90%80%80", "%00", "%0A", "%25", "%", "%G1", "%u0041"];

    private static readonly string[] Parameters =
        ["q", "alle", "woordgroep", "een", "zonder", "minister", "ministerie", "partij", "indiener", "jaar", "soort", "vergaderjaar", "van", "tot", "in", "sort", "page", "size", "format"];

    private static readonly string[] Values =
    [
        "", "0", "-1", "-2147483648", "2147483647", "2147483648", "99999999999999999999", "1.5", "abc", "1e9", " 1", "0x10",
        "2024-13-45", "2024-02-30", "0000-00-00", "9999-12-31", "0001-01-01", "-2024-01-01", "2024-1-1", "gisteren", "2023-2024", "2024-2023", "1800-1801",
        "vraag", "antwoord", "beide", "VRAAG", "relevantie", "nieuwste", "oudste", "willekeurig", "csv", "jsonl", "xml", "kamervragen", "aanhangsel",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A GET URL for the search page, the search API or the export.</summary>
    public string Search()
    {
        var path = Pick(["/", "/api/search", "/api/search", "/api/export"]);
        var parts = new List<string>();
        var count = _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var name = Pick(Parameters);
            var value = name is "q" or "alle" or "woordgroep" or "een" or "zonder" or "indiener" or "minister" ? Query() : Pick(Values);
            parts.Add(name + "=" + Encode(value));
        }

        return path + "?" + string.Join('&', parts);
    }

    /// <summary>A GET URL for a document by a hostile id, on the API or the page.</summary>
    public string Document()
    {
        var id = _random.Next(4) switch
        {
            0 => Encode(Query()),
            1 => Pick(["..", "..%2F..%2Fetc%2Fpasswd", "%2E%2E", "ah-tk-20232024-1314%00", "2025D36086", "kv-tk-2024Z18792", "file:", "file:..%2F..%2Fx"]),
            2 => Encode(new string('x', _random.Next(100, 3000))),
            _ => Pick(RawEscapes) + Encode(Pick(Words)),
        };
        return Pick(["/api/documents/", "/document/"]) + id;
    }

    public string Query()
    {
        var kind = _random.Next(20);
        if (kind == 0)
        {
            // Long queries: past the engine's 1000-character cap and past the host's query-string cap.
            return string.Concat(Enumerable.Range(0, _random.Next(50, 1100)).Select(_ => Pick(Words) + " "));
        }

        var sb = new StringBuilder();
        var count = _random.Next(1, 8);
        for (var i = 0; i < count; i++)
        {
            sb.Append(_random.Next(3) == 0 ? Pick(Words) : Pick(Syntax));
            if (_random.Next(3) != 0)
            {
                sb.Append(' ');
            }
        }

        return sb.ToString();
    }

    /// <summary>Mostly proper escaping, sometimes raw bytes that are not UTF-8.</summary>
    private string Encode(string value) =>
        _random.Next(8) == 0 ? Uri.EscapeDataString(value) + Pick(RawEscapes) : Uri.EscapeDataString(value);

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}

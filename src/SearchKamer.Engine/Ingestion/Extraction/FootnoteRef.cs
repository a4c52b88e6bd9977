using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// How extractors leave a footnote reference in a body line: the numeral is replaced by
/// <c>U+E000 number U+E001</c>, so "2023" followed by footnote 5 can never read as "20235"
/// and the parser knows which footnotes a question or answer cites.
/// </summary>
public static partial class FootnoteRef
{
    public const char Open = '\uE000';
    public const char Close = '\uE001';

    public static string Format(int number) => $"{Open}{number}{Close}";

    [GeneratedRegex("\uE000(\\d+)\uE001")]
    public static partial Regex Pattern();
}

/// <summary>Metadata names extractors use for page furniture they removed but the parser needs.</summary>
public static class FurnitureKeys
{
    /// <summary>The KOOP id printed in a PDF footer, e.g. "ah-tk-20232024-1314" or "kv-tk-2024Z18561".</summary>
    public const string FooterId = "footer.id";

    /// <summary>The vergaderjaar printed in the page-1 header, as "2023-2024".</summary>
    public const string HeaderVergaderjaar = "header.vergaderjaar";

    /// <summary>The number printed under the preamble: an Aanhangsel number, or a zaak number on question sets.</summary>
    public const string HeaderNumber = "header.number";
}

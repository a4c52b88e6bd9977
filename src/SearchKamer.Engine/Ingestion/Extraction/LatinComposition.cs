using System.Text;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// Canonical composition of Latin letters with combining marks. The project runs with
/// InvariantGlobalization, where <see cref="string.Normalize()"/> leaves non-ASCII text unchanged,
/// so NFC for the letters that occur in Dutch parliamentary names is done here.
/// </summary>
internal static class LatinComposition
{
    // Per combining mark: base letters and their precomposed forms, position by position.
    private static readonly (char Mark, string Bases, string Composed)[] Table =
    [
        ('\u0300', "aAeEiIoOuU", "àÀèÈìÌòÒùÙ"),
        ('\u0301', "aAeEiIoOuUyYcCnNsSzZlLrR", "áÁéÉíÍóÓúÚýÝćĆńŃśŚźŹĺĹŕŔ"),
        ('\u0302', "aAeEiIoOuU", "âÂêÊîÎôÔûÛ"),
        ('\u0303', "aAnNoO", "ãÃñÑõÕ"),
        ('\u0306', "gGaA", "ğĞăĂ"),
        ('\u0307', "zZI", "żŻİ"),
        ('\u0308', "aAeEiIoOuUyY", "äÄëËïÏöÖüÜÿŸ"),
        ('\u030A', "aAuU", "åÅůŮ"),
        ('\u030B', "oOuU", "őŐűŰ"),
        ('\u030C', "cCsSzZrReEnNdDtT", "čČšŠžŽřŘěĚňŇďĎťŤ"),
        ('\u0327', "cCsStT", "çÇşŞţŢ"),
        ('\u0328', "aAeE", "ąĄęĘ"),
    ];

    private static readonly Dictionary<(char, char), char> Pairs = Table
        .SelectMany(t => t.Bases.Select((b, i) => (Key: (b, t.Mark), Value: t.Composed[i])))
        .ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Returns the precomposed letter for a base letter and a combining mark, if there is one.</summary>
    public static char? Compose(char letter, char mark) => Pairs.TryGetValue((letter, mark), out var c) ? c : null;

    /// <summary>NFC when the runtime can do it, then composes the pairs in <see cref="Table"/>.</summary>
    public static string ToNfc(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormC);
        if (!normalized.Any(c => c is >= '\u0300' and <= '\u036F'))
        {
            return normalized;
        }

        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (sb.Length > 0 && Compose(sb[^1], c) is { } composed)
            {
                sb[^1] = composed;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}

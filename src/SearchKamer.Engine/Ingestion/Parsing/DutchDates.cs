using System.Globalization;
using System.Text.RegularExpressions;

namespace SearchKamer.Ingestion.Parsing;

/// <summary>Dates as printed in Kamervragen: "6 maart 2024", also "18 november2024" from careless extractors.</summary>
public static partial class DutchDates
{
    private static readonly string[] Months =
    [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ];

    [GeneratedRegex(@"(?<d>\d{1,2})\s*(?<m>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\s*(?<y>(?:19|20)\d{2})", RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();

    /// <summary>The first Dutch date in <paramref name="text"/>, or null.</summary>
    public static DateOnly? Find(string text)
    {
        var m = DatePattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var month = Array.IndexOf(Months, m.Groups["m"].Value.ToLowerInvariant()) + 1;
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        return day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>An ISO date "2024-03-25" (metadata and XML), or null when it is not a real date.</summary>
    public static DateOnly? ParseIso(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Trim()[..Math.Min(10, text.Trim().Length)], "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;
}

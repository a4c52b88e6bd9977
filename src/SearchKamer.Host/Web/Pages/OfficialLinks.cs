namespace SearchKamer.Host.Web.Pages;

/// <summary>Where a document is published officially; only links are built, nothing is fetched.</summary>
internal static class OfficialLinks
{
    public static string? Publication(string? officialId) =>
        string.IsNullOrWhiteSpace(officialId) ? null : $"https://zoek.officielebekendmakingen.nl/{Uri.EscapeDataString(officialId)}.html";

    public static string? TweedeKamer(string? documentNumber) =>
        string.IsNullOrWhiteSpace(documentNumber) ? null : $"https://www.tweedekamer.nl/kamerstukken/detail?did={Uri.EscapeDataString(documentNumber)}";

    /// <summary>The best single official link for a result line: the publication, else the Tweede Kamer page.</summary>
    public static string? Best(string? officialId, string? documentNumber) => Publication(officialId) ?? TweedeKamer(documentNumber);
}

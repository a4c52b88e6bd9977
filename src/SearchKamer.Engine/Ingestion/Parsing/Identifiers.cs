using System.Globalization;
using System.Text.RegularExpressions;
using SearchKamer.Domain;
using SearchKamer.Ingestion.Extraction;

namespace SearchKamer.Ingestion.Parsing;

internal sealed record DocumentIds(
    string? OfficialId,
    string? DocumentNumber,
    IReadOnlyList<string> ZaakNumbers,
    string? Vergaderjaar,
    int? Aanhangselnummer);

/// <summary>
/// Ids from structured metadata first (HTML meta, XML, OpenTK), then from page furniture, then from
/// the file name; disagreements between sources become warnings.
/// </summary>
internal static partial class Identifiers
{
    [GeneratedRegex(@"\bkv-tk-(?<zaak>\d{4}Z\d{5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex KvTk();

    public static DocumentIds Resolve(ExtractedText text, string path, IEnumerable<string> textsWithZaak, ICollection<string> warnings)
    {
        var md = text.Metadata;
        var api = ApiAanhangsel(First(md, ApiMetadata.Aanhangselnummer));
        var officialId = Agree("officiële id", warnings, api?.OfficialId, First(md, "DC.identifier"), First(md, "dcterms.identifier"), First(md, "DCTERMS.identifier"), First(md, FurnitureKeys.FooterId));
        if (officialId is not null && !IdentifierRules.AhTk().IsMatch(officialId) && !KvTk().IsMatch(officialId) && !officialId.StartsWith("ah-", StringComparison.OrdinalIgnoreCase) && !officialId.StartsWith("kv-", StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add($"officiële id \"{officialId}\" heeft geen bekende vorm");
        }

        // Ids are lower case except the zaak number inside kv-tk ids ("kv-tk-2024Z18561").
        officialId = officialId is null ? null : Regex.Replace(officialId.ToLowerInvariant(), @"\d{4}z\d{5}", m => m.Value.ToUpperInvariant());
        var ah = officialId is null ? null : IdentifierRules.AhTk().Match(officialId);

        var documentNumber = Agree("documentnummer", warnings,
            First(md, ApiMetadata.DocumentNumber),
            First(md, "opentk.documentNumber") ?? (IdentifierRules.DocumentNumber().Match(Path.GetFileName(path)) is { Success: true } dn ? dn.Value : null));

        var vjFromId = ah is { Success: true } ? $"{ah.Groups["y1"].Value}-{ah.Groups["y2"].Value}" : null;
        var vergaderjaar = Agree("vergaderjaar", warnings,
            IdentifierRules.NormaliseVergaderjaar(First(md, ApiMetadata.Vergaderjaar)),
            IdentifierRules.NormaliseVergaderjaar(First(md, "OVERHEIDop.vergaderjaar")),
            IdentifierRules.NormaliseVergaderjaar(First(md, FurnitureKeys.HeaderVergaderjaar)),
            vjFromId);

        var headerNumber = First(md, FurnitureKeys.HeaderNumber);
        var aanhangsel = Agree("aanhangselnummer", warnings,
            api?.Number,
            First(md, "OVERHEIDop.aanhangselNummer") ?? First(md, "OVERHEIDop.aanhangselnummer"),
            headerNumber is not null && headerNumber.All(char.IsDigit) ? headerNumber : null,
            ah is { Success: true } ? ah.Groups["nr"].Value : null);

        var apiZaken = All(md, ApiMetadata.Zaak).ToList();
        var zaken = new List<string>();
        var zaakSources = apiZaken.Concat(new[] { First(md, "OVERHEIDop.vraagnummer"), First(md, "opentk.zaak"), headerNumber, officialId }
            .Concat(All(md, "letter.zaak")).Concat(textsWithZaak));
        foreach (var source in zaakSources.OfType<string>())
        {
            foreach (Match z in IdentifierRules.Zaak().Matches(source))
            {
                var zaak = $"{z.Groups["y"].Value}Z{z.Groups["n"].Value}";
                if (!zaken.Contains(zaak))
                {
                    zaken.Add(zaak);
                }
            }
        }

        // A zaak number in the text that the API does not link to this document is worth a look, not an error.
        foreach (var extra in apiZaken.Count == 0 ? [] : zaken.Where(z => !apiZaken.Contains(z, StringComparer.OrdinalIgnoreCase)))
        {
            warnings.Add($"zaak {extra} staat in de tekst maar de API koppelt het document er niet aan");
        }

        return new DocumentIds(officialId, documentNumber, zaken, vergaderjaar,
            aanhangsel is not null && int.TryParse(aanhangsel, NumberStyles.None, CultureInfo.InvariantCulture, out var nr) ? nr : null);
    }

    /// <summary>TK Aanhangselnummer "232401314" → ah-tk-20232024-1314 (two two-digit years, five digits).</summary>
    private static (string OfficialId, string Number)? ApiAanhangsel(string? encoded)
    {
        if (encoded is null || encoded.Length != 9 || !encoded.All(char.IsAsciiDigit))
        {
            return null;
        }

        var number = int.Parse(encoded[4..], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        return ($"ah-tk-20{encoded[..2]}20{encoded[2..4]}-{number}", number);
    }

    public static string? First(IReadOnlyDictionary<string, IReadOnlyList<string>> md, string key) =>
        md.TryGetValue(key, out var values) ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim() : null;

    private static IEnumerable<string> All(IReadOnlyDictionary<string, IReadOnlyList<string>> md, string key) =>
        md.TryGetValue(key, out var values) ? values : [];

    /// <summary>The first non-null value wins (sources are in order of trust); any other that differs is reported.</summary>
    private static string? Agree(string field, ICollection<string> warnings, params string?[] values)
    {
        var present = values.OfType<string>().ToList();
        if (present.Count == 0)
        {
            return null;
        }

        foreach (var other in present.Skip(1).Where(v => !v.Equals(present[0], StringComparison.OrdinalIgnoreCase)).Distinct())
        {
            warnings.Add($"{field}: \"{present[0]}\" gebruikt, andere bron zegt \"{other}\"");
        }

        return present[0];
    }
}

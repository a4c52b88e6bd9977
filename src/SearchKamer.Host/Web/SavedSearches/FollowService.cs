using System.Text.RegularExpressions;
using SearchKamer.Domain;
using SearchKamer.SavedSearches;
using SearchKamer.Search;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>Resolves "volg deze vragen" on a question set to the zaak numbers that its answer will carry.</summary>
public sealed partial class FollowService(Follows follows, SearchEngine engine)
{
    [GeneratedRegex(@"^\d{4}Z\d{5}$", RegexOptions.IgnoreCase)]
    private static partial Regex ZaakNumber();

    public IReadOnlyList<Follow> Follow(long userId, string? zaak, string? document)
    {
        if (!string.IsNullOrWhiteSpace(zaak))
        {
            var z = zaak.Trim();
            return ZaakNumber().IsMatch(z) ? [follows.Add(userId, z, z)] : throw new UserException($"\"{zaak}\" is geen zaaknummer zoals 2025Z01234");
        }

        if (string.IsNullOrWhiteSpace(document) || engine.Get(document.Trim()) is not { } doc)
        {
            throw new UserException("geef een zaaknummer of een bestaand document");
        }

        if (doc.Kind != DocumentKind.Vragen || doc.ZaakNumbers.Count == 0)
        {
            throw new UserException("alleen vragen met een zaaknummer kunnen gevolgd worden");
        }

        return doc.ZaakNumbers.Select(z => follows.Add(userId, z, $"{z} {doc.Subject}".Trim())).ToList();
    }
}

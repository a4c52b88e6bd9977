using SearchKamer.Domain;
using SearchKamer.Reference;

namespace SearchKamer.Host.Web.Pages;

/// <summary>Askers and answerers as text (as their document prints them), each linking to a search filtered on them (by the facet's spelling).</summary>
internal static class People
{
    public static string Askers(IReadOnlyList<Asker> askers) => string.Join(", ", askers.Select(a =>
        $"<a href=\"{Filter("indiener", PersonNames.Canonical(a.Name))}\">{Html.E(a.Name)}</a>" +
        (a.Party is { Length: > 0 } p ? $" (<a href=\"{Filter("partij", p)}\">{Html.E(p)}</a>)" : "")));

    public static string Answerers(IReadOnlyList<Answerer> answerers) => string.Join(", ", answerers.Select(a =>
        $"{Html.E(a.Role)} <a href=\"{Filter("minister", PersonNames.Canonical(a.Name))}\">{Html.E(a.Name)}</a>" +
        (a.Portfolio is { Length: > 0 } p ? $" ({Html.E(p)})" : "")));

    private static string Filter(string param, string value) => Html.E("/?" + param + "=" + Uri.EscapeDataString(value));
}

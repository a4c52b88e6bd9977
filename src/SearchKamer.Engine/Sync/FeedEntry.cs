using System.Globalization;
using System.Xml.Linq;

namespace SearchKamer.Sync;

/// <summary>One SyncFeed entry: the state of one entity after a change, or its tombstone.</summary>
/// <param name="Skiptoken">Resume position after this entry, from the entry's <c>next</c> link.</param>
public sealed record FeedEntry(string Category, string Id, DateTimeOffset? Updated, long? Skiptoken, XElement? Entity)
{
    public bool Deleted => string.Equals(TkAttribute(TkApiNames.Attributes.Verwijderd), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>tk:bijgewerkt as sent; compared as text, so a zone-less value still detects a change.</summary>
    public string? Bijgewerkt => TkAttribute(TkApiNames.Attributes.Bijgewerkt);

    public string? ContentType => TkAttribute(TkApiNames.Attributes.ContentType);

    public long? ContentLength =>
        long.TryParse(TkAttribute(TkApiNames.Attributes.ContentLength), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A child element's text; null when absent, empty or xsi:nil.</summary>
    public string? Field(string name)
    {
        var element = Child(name);
        if (element is null || element.Attribute(XName.Get("nil", TkApiNames.XsiNamespace))?.Value == "true")
        {
            return null;
        }

        var value = element.Value.Trim();
        return value.Length == 0 ? null : value;
    }

    /// <summary>The ref attribute of the first relation element with this name.</summary>
    public string? Ref(string name) => Refs(name).FirstOrDefault();

    public IReadOnlyList<string> Refs(string name) =>
        Entity is null ? [] : Entity.Elements()
            .Where(e => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.Attribute(TkApiNames.Attributes.Ref)?.Value)
            .OfType<string>()
            .Where(r => r.Length > 0)
            .Select(r => r.ToLowerInvariant())
            .ToList();

    private XElement? Child(string name) =>
        Entity?.Elements().FirstOrDefault(e => e.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase) && e.Attribute(TkApiNames.Attributes.Ref) is null);

    private string? TkAttribute(string name) =>
        Entity?.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals(name, StringComparison.OrdinalIgnoreCase) && a.Name.LocalName != TkApiNames.Attributes.Id)?.Value;
}

/// <param name="NextSkiptoken">Where the following page starts; null when the feed gave no position.</param>
public sealed record FeedPage(IReadOnlyList<FeedEntry> Entries, long? NextSkiptoken);

using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace SearchKamer.Sync;

/// <summary>Reads one SyncFeed Atom page. DTDs are refused: the feed never needs one, and a hostile one could expand without bound.</summary>
public static class FeedParser
{
    private static readonly XNamespace Atom = TkApiNames.AtomNamespace;

    public static FeedPage Parse(Stream body, string category)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        using var reader = XmlReader.Create(body, settings);
        var feed = XDocument.Load(reader).Root ?? throw new XmlException("leeg feed-document");
        if (feed.Name != Atom + "feed")
        {
            throw new XmlException($"geen Atom-feed maar <{feed.Name.LocalName}>");
        }

        var entries = new List<FeedEntry>();
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            var entity = entry.Element(Atom + "content")?.Elements().FirstOrDefault();
            var id = entity?.Attribute(TkApiNames.Attributes.Id)?.Value ?? entry.Element(Atom + "title")?.Value;
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new XmlException("feed-entry zonder id");
            }

            var updated = DateTimeOffset.TryParse(entry.Element(Atom + "updated")?.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var u) ? u : (DateTimeOffset?)null;
            entries.Add(new FeedEntry(Category(entry, entity, category), id.Trim().ToLowerInvariant(), updated, Skiptoken(LinkHref(entry, "next")), entity));
        }

        // Each entry's next link names the position after it (OpenTK reads it per entry); a
        // feed-level next link, when present, is taken as the end of this page, and the resume
        // link seen on the live feed's head as the last resort.
        var next = Skiptoken(LinkHref(feed, "next")) ?? entries.LastOrDefault(e => e.Skiptoken is not null)?.Skiptoken ?? Skiptoken(LinkHref(feed, "resume"));
        return new FeedPage(entries, next);
    }

    /// <summary>
    /// The entry's category in the sync's own spelling: its term in any casing, else the entity element's name,
    /// else (no category element at all) the category asked for. A term the sync does not know stays as sent,
    /// so the staging can count and name it instead of dropping the entry unseen.
    /// </summary>
    private static string Category(XElement entry, XElement? entity, string requested)
    {
        var term = entry.Element(Atom + "category")?.Attribute("term")?.Value;
        return TkApiNames.Categories.Known(term)
            ?? TkApiNames.Categories.Known(entity?.Name.LocalName)
            ?? (string.IsNullOrWhiteSpace(term) ? requested : term.Trim());
    }

    public static long? Skiptoken(string? href)
    {
        if (string.IsNullOrEmpty(href))
        {
            return null;
        }

        var query = href.Contains('?', StringComparison.Ordinal) ? href[(href.IndexOf('?', StringComparison.Ordinal) + 1)..] : href;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0].Equals(TkApiNames.SkiptokenParameter, StringComparison.OrdinalIgnoreCase)
                && long.TryParse(Uri.UnescapeDataString(parts[1]), NumberStyles.None, CultureInfo.InvariantCulture, out var token))
            {
                return token;
            }
        }

        return null;
    }

    private static string? LinkHref(XElement parent, string rel) =>
        parent.Elements(Atom + "link").FirstOrDefault(l => l.Attribute("rel")?.Value == rel)?.Attribute("href")?.Value;
}

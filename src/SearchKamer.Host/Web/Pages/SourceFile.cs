using Microsoft.Extensions.Options;
using SearchKamer.Domain;
using SearchKamer.Host.Services;
using SearchKamer.Search;

namespace SearchKamer.Host.Web.Pages;

/// <summary>
/// GET /bestand/{id}: the stored original file. The path comes from the index, so it is served only
/// when it lies inside the data or corpus directory; markup formats download rather than render
/// on this origin.
/// </summary>
internal static class SourceFile
{
    public static IResult Handle(string id, HttpContext context, SearchEngine engine, IOptions<SearchKamerOptions> options)
    {
        if (engine.Get(id) is not { } doc)
        {
            return Layout.Message("Document niet gevonden", $"Er is geen document met id \"{id}\".", StatusCodes.Status404NotFound);
        }

        var path = Allowed(doc.Source.Path, [options.Value.ResolvedData, options.Value.ResolvedCorpus]);
        if (path is null)
        {
            return Layout.Message("Bestand niet beschikbaar", "Het originele bestand van dit document is niet (meer) beschikbaar.", StatusCodes.Status404NotFound);
        }

        var name = Path.GetFileName(path);
        // A stored HTML file must not run as a page of this site.
        context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return DocumentFormats.Named(doc.Source.Format) is not { } format ? Results.File(path, "application/octet-stream", name)
            : format.Inline ? Results.File(path, format.ContentType)
            : Results.File(path, format.ContentType, name, enableRangeProcessing: format.Ranges);
    }

    /// <summary>The full path when it exists and lies under one of the roots (links resolved), else null.</summary>
    public static string? Allowed(string stored, IEnumerable<string> roots)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }

        var full = Path.GetFullPath(stored);
        var info = new FileInfo(full);
        if (!info.Exists)
        {
            return null;
        }

        if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            full = Path.GetFullPath(target.FullName);
        }

        return roots.Select(r => Path.GetFullPath(r)).Any(root => IsUnder(full, root)) ? full : null;
    }

    private static bool IsUnder(string path, string root)
    {
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}

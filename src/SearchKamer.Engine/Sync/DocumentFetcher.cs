using SearchKamer.Domain;
namespace SearchKamer.Sync;

/// <param name="Superseded">The server's file is newer than the feed entry that queued it.</param>
public sealed record FetchedFile(string Path, bool Superseded);

/// <summary>
/// Keeps the downloaded file of each synced document as files/&lt;guid&gt;.&lt;ext&gt;, the extension taken from the
/// HTTP Content-Type, or from the API's ContentType of the document when the server sends none or a generic one.
/// </summary>
public sealed class DocumentFetcher(SyncFeedClient client, string filesDirectory)
{
    public string FilesDirectory { get; } = filesDirectory;

    public async Task<FetchedFile> FetchAsync(string id, long? expectedLength, string? apiContentType, CancellationToken ct)
    {
        var guid = SafeId(id);
        Directory.CreateDirectory(FilesDirectory);
        var download = Path.Combine(FilesDirectory, guid + ".download");
        var (contentType, superseded) = await client.DownloadAsync(guid, download, expectedLength, ct);
        var extension = Extension(contentType) is var fromHttp and not "bin" ? fromHttp : Extension(apiContentType);
        var target = Path.Combine(FilesDirectory, $"{guid}.{extension}");
        File.Move(download, target, overwrite: true);
        foreach (var stale in Directory.EnumerateFiles(FilesDirectory, guid + ".*").Where(f => f != target))
        {
            File.Delete(stale);
        }

        return new FetchedFile(target, superseded);
    }

    public void Remove(string id)
    {
        if (Guid.TryParse(id, out var guid) && Directory.Exists(FilesDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(FilesDirectory, guid.ToString("D") + ".*"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The id becomes a file name: only a GUID is accepted, so a hostile feed cannot name a path.</summary>
    private static string SafeId(string id) =>
        Guid.TryParse(id, out var guid) ? guid.ToString("D") : throw new FileNotAvailableException($"\"{id}\" is geen GUID");

    /// <summary>The file name ending of a download: its format's (DocumentFormats), "doc" for old Word (not read, but kept), else "bin".</summary>
    internal static string Extension(string? contentType) =>
        DocumentFormats.OfHttpType(contentType) is { } format ? format.Extensions[0].TrimStart('.')
        : contentType?.Split(';')[0].Trim().ToLowerInvariant() == "application/msword" ? "doc" : "bin";
}

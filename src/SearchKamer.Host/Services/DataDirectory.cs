namespace SearchKamer.Host.Services;

/// <summary>
/// Where the index and store live: --data DIR, else $SEARCHKAMER_DATA, else the repository's
/// index-data folder (found upwards from the working directory), else ./index-data.
/// </summary>
public static class DataDirectory
{
    public static string Resolve(string? option)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }

        if (Environment.GetEnvironmentVariable("SEARCHKAMER_DATA") is { Length: > 0 } env)
        {
            return Path.GetFullPath(env);
        }

        return Path.GetDirectoryName(BundledCorpus.Locate()) is { Length: > 0 } dir ? Path.GetFullPath(dir) : Path.GetFullPath("index-data");
    }

    public static string IndexPath(string dataDir) => Path.Combine(dataDir, "index");
}

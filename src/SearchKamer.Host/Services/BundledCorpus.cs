namespace SearchKamer.Host.Services;

/// <summary>Finds index-data/corpus from the working directory or the executable's folder upwards.</summary>
public static class BundledCorpus
{
    public static string Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "index-data", "corpus");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return Path.Combine("index-data", "corpus");
    }
}

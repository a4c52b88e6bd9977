namespace SearchKamer.Tests;

/// <summary>Locates the repository (the folder holding SearchKamer.sln) and its bundled corpus.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Corpus => Path.Combine(Root, "index-data", "corpus");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string CorpusFile(params string[] parts) => Path.Combine([Corpus, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SearchKamer.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SearchKamer.sln not found above " + AppContext.BaseDirectory);
    }
}

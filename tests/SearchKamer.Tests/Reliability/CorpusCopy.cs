namespace SearchKamer.Tests.Reliability;

/// <summary>Copies the bundled corpus unchanged, keeping its folder layout (and so each file's name and bytes).</summary>
public static class CorpusCopy
{
    public static void To(string target)
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Corpus, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(RepoPaths.Corpus, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }
}

using System.Reflection;

namespace SearchKamer.Reference;

/// <summary>Reads the tab-separated data files embedded from Reference/Data.</summary>
internal static class ReferenceData
{
    /// <summary>The non-comment, non-empty rows of <paramref name="fileName"/>, split at tabs.</summary>
    public static IEnumerable<string[]> Rows(string fileName)
    {
        var assembly = typeof(ReferenceData).Assembly;
        var resource = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"embedded reference file {fileName} is missing");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            yield return line.Split('\t');
        }
    }
}

using System.IO.Compression;
using System.Reflection;
using Lucene.Net.Analysis.Miscellaneous;

namespace SearchKamer.Analysis;

/// <summary>Reads the embedded files under Analysis/Data and folds text the way the analyzers do.</summary>
internal static class DataFiles
{
    private const string Prefix = "SearchKamer.Analysis.Data.";

    /// <summary>Non-empty lines with '#' comments and surrounding blanks removed.</summary>
    public static IEnumerable<string> Lines(string name)
    {
        using var reader = Open(name);
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#', StringComparison.Ordinal);
            var content = (hash >= 0 ? line[..hash] : line).Trim();
            if (content.Length > 0)
            {
                yield return content;
            }
        }
    }

    public static StreamReader Open(string name)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + name)
            ?? throw new InvalidOperationException("Embedded resource missing: " + Prefix + name);
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
        }

        return new StreamReader(stream);
    }

    /// <summary>Lower-cases and applies Lucene's ASCII folding, so data files match analysed tokens.</summary>
    public static string Fold(string text)
    {
        var input = text.ToLowerInvariant().ToCharArray();
        // Folding can expand one char to up to four (e.g. a ligature), as in ASCIIFoldingFilter.
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }
}

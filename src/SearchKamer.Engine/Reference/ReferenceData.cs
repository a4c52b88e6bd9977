using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace SearchKamer.Reference;

/// <summary>Reads the tab-separated data files embedded from Reference/Data, and tidies printed names before lookup.</summary>
internal static partial class ReferenceData
{
    /// <summary>
    /// A printed name as composed Unicode, with every kind of dash a hyphen and runs of spaces (no-break spaces too)
    /// one space: letters print the same ministry or person with an en dash, a hyphen or a figure dash.
    /// </summary>
    public static string Tidy(string printed) =>
        Spaces().Replace(Dashes().Replace(printed.Normalize(NormalizationForm.FormC), "-"), " ").Trim();

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

    [GeneratedRegex(@"[\u2010-\u2015\u2212]")]
    private static partial Regex Dashes();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

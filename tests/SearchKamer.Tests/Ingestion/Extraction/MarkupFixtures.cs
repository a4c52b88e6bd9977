using SearchKamer.Ingestion.Extraction;

namespace SearchKamer.Tests.Ingestion.Extraction;

/// <summary>Paths of the hand-made markup fixtures and the real seed text they were written from.</summary>
internal static class MarkupFixtures
{
    public const string Seed = "ah-tk-20242025-2932";
    public const string Combined = "ah-tk-20232024-1314";
    public const string Notice = "ah-tk-20232024-1999";

    public static string RepoRoot => RepoPaths.Root;

    /// <summary>The seed's renditions are part of the bundled corpus; the others live with the tests.</summary>
    public static string Markup(string name) =>
        name.StartsWith(Seed, StringComparison.Ordinal)
            ? RepoPaths.CorpusFile("markup", name)
            : Path.Combine(RepoRoot, "tests", "SearchKamer.Tests", "Fixtures", "markup", name);

    public static string NotKamervragen(string name) =>
        Path.Combine(RepoRoot, "tests", "SearchKamer.Tests", "Fixtures", "not-kamervragen", name);

    /// <summary>The body lines of the OpenTK seed page, header sentences to the last answer, blanks dropped.</summary>
    public static IReadOnlyList<string> SeedBodyLines()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot, "index-data", "corpus", "seed", "2025D36086-opentk-page.txt"));
        var start = Array.FindIndex(lines, l => l.StartsWith("Vragen van het lid Chakor", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, start, l => l.TrimStart().StartsWith("1. ", StringComparison.Ordinal));
        return [.. lines[start..end].Select(MarkupOutput.Clean).Where(l => l.Length > 0)];
    }

    /// <summary>The seed page's footnote list, without pandoc's back-link arrow.</summary>
    public static IReadOnlyList<string> SeedFootnotes()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoRoot, "index-data", "corpus", "seed", "2025D36086-opentk-page.txt"));
        return [.. lines
            .Select(l => l.Trim())
            .Where(l => l.Length > 3 && char.IsAsciiDigit(l[0]) && l[1] == '.' && l.Contains('\u21A9'))
            .Select(l => MarkupOutput.Clean(l[3..].Replace("\u21A9\uFE0E", "", StringComparison.Ordinal)))];
    }

    /// <summary>Extracted lines with footnote markers written back as the glued digits the seed text shows.</summary>
    public static IReadOnlyList<string> AsPrinted(ExtractedText text) =>
        [.. text.Lines.Where(l => l.Length > 0).Select(l => FootnoteRef.Pattern().Replace(l, "$1"))];

    public static string TempFile(string extension, byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"searchkamer-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, content);
        return path;
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using SearchKamer.Ingestion.Extraction;

namespace SearchKamer.Tests.Ingestion.Extraction;

/// <summary>The 16 real answer PDFs, their hand-checked gold metadata, and each extraction done once.</summary>
internal static class PdfCorpus
{
    private static readonly ConcurrentDictionary<string, ExtractedText> Extracted = new();

    private static readonly Lazy<IReadOnlyList<JsonElement>> GoldDocuments = new(LoadGold);

    public static string RepoRoot => RepoPaths.Root;

    public static IReadOnlyList<JsonElement> Gold => GoldDocuments.Value;

    public static IEnumerable<object[]> GoldFiles => Gold.Select(d => new object[] { d.GetProperty("file").GetString()! });

    public static string PdfPath(string file) => Path.Combine(RepoRoot, "index-data", "corpus", "pdf", file);

    public static string FixturePath(params string[] parts) =>
        Path.Combine([RepoRoot, "tests", "SearchKamer.Tests", "Fixtures", .. parts]);

    public static JsonElement GoldFor(string file) => Gold.Single(d => d.GetProperty("file").GetString() == file);

    /// <summary>Finds a file by the first 8 hex digits of its GUID, as the format notes cite them.</summary>
    public static string FileStartingWith(string prefix) =>
        Gold.Select(d => d.GetProperty("file").GetString()!).Single(f => f.StartsWith(prefix, StringComparison.Ordinal));

    public static ExtractedText Extract(string file) => Extracted.GetOrAdd(file, f => PdfExtractor.Extract(PdfPath(f)));

    public static ExtractedText ExtractPrefix(string prefix) => Extract(FileStartingWith(prefix));

    /// <summary>The body as a reader reads it: lines joined, markers removed, whitespace collapsed.</summary>
    public static string ReadingText(ExtractedText text) =>
        Regex.Replace(FootnoteRef.Pattern().Replace(string.Join(" ", text.Lines), ""), @"\s+", " ");

    private static IReadOnlyList<JsonElement> LoadGold()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(FixturePath("gold", "answers-gold.json")));
        return json.RootElement.GetProperty("documents").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}

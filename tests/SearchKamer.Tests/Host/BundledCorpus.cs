using SearchKamer.Domain;
using SearchKamer.Ingestion;

namespace SearchKamer.Tests.Host;

/// <summary>
/// The bundled corpus read file by file, each on its own (not through the index): the oracle of the host tests,
/// parsed once per test run instead of once per test class. Static rather than a fixture because theories list
/// their cases from it (MemberData) before any fixture exists.
/// </summary>
public static class BundledCorpus
{
    private static readonly Lazy<IReadOnlyList<(string File, KamervraagDocument Document)>> Parsed = new(() =>
        [.. Directory.GetFiles(RepoPaths.Corpus, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).AsParallel().AsOrdered()
            .Select(f => (File: f, Document: DocumentReader.Read(f).Document)).Where(x => x.Document is not null)
            .Select(x => (x.File, x.Document!))]);

    /// <summary>Every bundled file that reads as a document, with that document.</summary>
    public static IReadOnlyList<(string File, KamervraagDocument Document)> Files => Parsed.Value;

    public static IReadOnlyList<KamervraagDocument> Documents => [.. Parsed.Value.Select(x => x.Document)];
}

using SearchKamer.Domain;

namespace SearchKamer.Ingestion.Extraction;

/// <summary>
/// What every extractor hands to the parser: the reading-order body text of one file with page
/// furniture removed, the footnotes taken out of it, and any structured metadata the format carried.
/// </summary>
/// <param name="Format">The name of its <see cref="Domain.DocumentFormat"/>.</param>
/// <param name="Lines">
/// Body lines in reading order. An empty string marks a paragraph break where the format tells one.
/// Footnote reference numerals are already removed where the format marks them (PDF superscripts,
/// HTML/XML note elements); plain text may still carry them glued to words.
/// </param>
/// <param name="Footnotes">Footnote bodies, in number order, no longer part of <paramref name="Lines"/>.</param>
/// <param name="Metadata">
/// Structured metadata by name (HTML meta tags, XML metadata, PDF footer id), multi-valued.
/// Names follow the official ones, e.g. "DC.identifier", "OVERHEIDop.vergaderjaar",
/// "OVERHEIDop.indiener"; extractors add "footer.id" for the KOOP id printed in a PDF footer.
/// </param>
/// <param name="Warnings">Problems met while extracting that the parse result must report.</param>
public sealed record ExtractedText(
    string Format,
    IReadOnlyList<string> Lines,
    IReadOnlyList<Footnote> Footnotes,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Metadata,
    IReadOnlyList<string> Warnings)
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> NoMetadata =
        new Dictionary<string, IReadOnlyList<string>>();
}

/// <summary>A file that cannot be read as a Kamervragen document; the message names the reason.</summary>
public sealed class ExtractionException(string reason, Exception? inner = null) : Exception(reason, inner);

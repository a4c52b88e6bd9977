using SearchKamer.Domain;
using SearchKamer.Ingestion.Extraction;
using SearchKamer.Ingestion.Parsing;

namespace SearchKamer.Ingestion;

/// <summary>The outcome for one file: a document, or the reason it could not be read.</summary>
public sealed record ReadResult(string Path, KamervraagDocument? Document, string? Error)
{
    public bool Ok => Document is not null;
}

/// <summary>
/// The ingestion stage's entry point: one file in, one parsed document or one clear reason out.
/// Never throws for bad input, and bounds the time spent on any single file.
/// </summary>
public static class DocumentReader
{
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    public static ReadResult Read(string path) => Read(path, null);

    /// <summary>
    /// Reads a file with metadata from outside it (the open-data API, keys in <see cref="ApiMetadata"/>)
    /// merged into what the extractor found; the parser prefers it and reports disagreements.
    /// </summary>
    public static ReadResult Read(string path, IReadOnlyDictionary<string, IReadOnlyList<string>>? extraMetadata)
    {
        var work = Task.Run(() => ReadUnbounded(path, extraMetadata));
        try
        {
            return work.Wait(TimeLimit)
                ? work.Result
                : new ReadResult(path, null, $"verwerking afgebroken na {TimeLimit.TotalSeconds:0} s");
        }
        catch (AggregateException e)
        {
            return new ReadResult(path, null, $"onverwachte fout: {e.InnerException?.Message ?? e.Message}");
        }
    }

    private static ReadResult ReadUnbounded(string path, IReadOnlyDictionary<string, IReadOnlyList<string>>? extraMetadata)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return new ReadResult(path, null, "bestand bestaat niet");
            }

            var format = FormatSniffer.Detect(path);
            var extracted = format switch
            {
                "pdf" => PdfExtractor.Extract(path),
                "html" => HtmlExtractor.Extract(path),
                "xml" => XmlExtractor.Extract(path),
                "docx" => DocxExtractor.Extract(path),
                _ => PlainTextExtractor.Extract(path),
            };
            if (extraMetadata is { Count: > 0 })
            {
                extracted = extracted with { Metadata = Merge(extracted.Metadata, extraMetadata) };
            }

            var source = new SourceInfo(path, extracted.Format, FileHash.Sha256(path));
            return new ReadResult(path, DocumentParser.Parse(extracted, source), null);
        }
        catch (Exception e) when (e is ExtractionException or NotKamervragenException)
        {
            return new ReadResult(path, null, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ReadResult(path, null, $"kan bestand niet lezen: {e.Message}");
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> Merge(IReadOnlyDictionary<string, IReadOnlyList<string>> found, IReadOnlyDictionary<string, IReadOnlyList<string>> extra)
    {
        var merged = new Dictionary<string, IReadOnlyList<string>>(found);
        foreach (var (key, values) in extra)
        {
            merged[key] = values;
        }

        return merged;
    }
}

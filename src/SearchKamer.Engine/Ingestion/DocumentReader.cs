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

    // The extractor of each format of the registry (DocumentFormats); a new format adds its row here.
    private static readonly Dictionary<DocumentFormat, Func<string, ExtractedText>> Extractors = new()
    {
        [DocumentFormats.Pdf] = PdfExtractor.Extract,
        [DocumentFormats.Html] = HtmlExtractor.Extract,
        [DocumentFormats.Xml] = XmlExtractor.Extract,
        [DocumentFormats.Docx] = DocxExtractor.Extract,
        [DocumentFormats.Text] = PlainTextExtractor.Extract,
    };

    public static ReadResult Read(string path) => Read(path, null);

    /// <summary>
    /// Reads a file with metadata from outside it (the open-data API, keys in <see cref="ApiMetadata"/>)
    /// merged into what the extractor found; the parser prefers it and reports disagreements.
    /// </summary>
    public static ReadResult Read(string path, IReadOnlyDictionary<string, IReadOnlyList<string>>? extraMetadata)
    {
        ReadResult? result = null;
        Exception? failure = null;
        // A thread of its own, not the pool's: a file that never finishes is abandoned without keeping a pool
        // thread from the searches, and on Linux a new thread inherits its creator's priority, so a file the
        // host's background inbox reads is extracted at that background priority too.
        var worker = new Thread(() =>
        {
            try
            {
                result = ReadUnbounded(path, extraMetadata);
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        { IsBackground = true, Name = ThreadName };
        worker.Start();
        if (!worker.Join(TimeLimit))
        {
            return new ReadResult(path, null, $"verwerking afgebroken na {TimeLimit.TotalSeconds:0} s");
        }

        return failure is null ? result! : new ReadResult(path, null, $"onverwachte fout: {failure.Message}");
    }

    /// <summary>The name of the thread a file is read on (at most 15 characters: Linux cuts longer names).</summary>
    public const string ThreadName = "read-document";

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
            var extracted = Extractors[format](path);
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

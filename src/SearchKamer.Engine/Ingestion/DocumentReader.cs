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

    public static ReadResult Read(string path)
    {
        var work = Task.Run(() => ReadUnbounded(path));
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

    private static ReadResult ReadUnbounded(string path)
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
                _ => PlainTextExtractor.Extract(path),
            };
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

}

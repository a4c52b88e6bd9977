namespace SearchKamer.Ingestion.Extraction;
public static class PdfExtractor { public static ExtractedText Extract(string path) => throw new ExtractionException("stub"); }

namespace SearchKamer.Ingestion.Extraction;
public static class PdfExtractor { public static ExtractedText Extract(string path) => throw new ExtractionException("stub"); }
public static class HtmlExtractor { public static ExtractedText Extract(string path) => throw new ExtractionException("stub"); }
public static class XmlExtractor { public static ExtractedText Extract(string path) => throw new ExtractionException("stub"); }
public static class PlainTextExtractor { public static ExtractedText Extract(string path) => throw new ExtractionException("stub"); }

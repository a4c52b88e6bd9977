using System.Text.Json;
using SearchKamer.Domain;
using SearchKamer.Ingestion;
using SearchKamer.Ingestion.Extraction;

namespace SearchKamer.Tests.Ingestion.Extraction;

public sealed class DocxExtractorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("searchkamer-docx-").FullName;

    public static TheoryData<string> LimburgTexts => [.. Directory.EnumerateFiles(RepoPaths.CorpusFile("limburg"), "*.txt").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [MemberData(nameof(LimburgTexts))]
    public void A_corpus_text_written_as_docx_reads_to_the_same_record_as_the_text(string file)
    {
        var textPath = RepoPaths.CorpusFile("limburg", file);
        var fromText = DocumentReader.Read(textPath);
        var lines = File.ReadAllText(textPath).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var docxPath = Write(Path.ChangeExtension(file, ".docx"), DocxFixture.Write(lines));

        var fromDocx = DocumentReader.Read(docxPath);

        Assert.Equal(fromText.Error, fromDocx.Error);
        if (fromText.Document is not { } expected)
        {
            return;
        }

        var actual = fromDocx.Document!;
        DocxFixture.AssertSameRecord(expected, actual);
        Assert.Equal(Json(expected with { Source = actual.Source }), Json(actual));
    }

    [Theory]
    [MemberData(nameof(PdfCorpus.GoldFiles), MemberType = typeof(PdfCorpus))]
    public void An_answer_pdf_written_as_docx_with_word_footnotes_reads_to_the_same_record(string file)
    {
        var fromPdf = DocumentReader.Read(PdfCorpus.PdfPath(file)).Document!;
        var extracted = PdfCorpus.Extract(file);

        // The PDF's running head and footer id are page furniture the extractor keeps as metadata; the
        // DOCX carries them as text, as the text renditions of such PDFs in the corpus do.
        var head = new List<string> { "Tweede Kamer der Staten-Generaal" };
        if (extracted.Metadata.TryGetValue(FurnitureKeys.HeaderVergaderjaar, out var year))
        {
            head.Add($"Vergaderjaar {year[0]} Aanhangsel van de Handelingen");
            head.Add("Vragen gesteld door de leden der Kamer, met de daarop door de regering gegeven antwoorden");
        }

        if (extracted.Metadata.TryGetValue(FurnitureKeys.HeaderNumber, out var number))
        {
            head.Add(number[0]);
        }

        var footer = extracted.Metadata.TryGetValue(FurnitureKeys.FooterId, out var id) ? id : [];
        var docxPath = Write(Path.ChangeExtension(file, ".docx"), DocxFixture.Write([.. head, .. extracted.Lines, .. footer], extracted.Footnotes));

        var fromDocx = DocumentReader.Read(docxPath);

        Assert.Null(fromDocx.Error);
        var actual = fromDocx.Document!;
        DocxFixture.AssertSameRecord(fromPdf, actual);
        Assert.Equal(fromPdf.Footnotes, actual.Footnotes);
        Assert.Equal(fromPdf.Questions.Select(q => string.Join(",", q.Footnotes)), actual.Questions.Select(q => string.Join(",", q.Footnotes)));
    }

    [Fact]
    public void A_zip_that_is_not_a_word_document_gets_a_clear_reason()
    {
        var result = DocumentReader.Read(Write("odt-like.zip", DocxFixture.Zip("content.xml", "<a/>"u8)));

        Assert.Null(result.Document);
        Assert.Contains("word/document.xml", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_whose_document_part_unpacks_beyond_the_limit_is_refused_without_reading_it()
    {
        var bomb = DocxFixture.Zip(DocxExtractor.DocumentPart,
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"u8,
            repeatMiB: (int)(DocxExtractor.MaxPartBytes >> 20) + 1,
            tail: "</w:t></w:r></w:p></w:body></w:document>"u8);

        Assert.InRange(bomb.Length, 1, 1 << 20);
        var result = DocumentReader.Read(Write("bomb.docx", bomb));

        Assert.Null(result.Document);
        // Refused on the declared size, before any of it is inflated.
        Assert.Contains("unpacks to", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_with_a_dtd_is_refused()
    {
        var withDtd = DocxFixture.Zip(DocxExtractor.DocumentPart,
            """<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>"""u8);

        var result = DocumentReader.Read(Write("dtd.docx", withDtd));

        Assert.Null(result.Document);
        Assert.Contains("DTD", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Json(KamervraagDocument d) => JsonSerializer.Serialize(d);
}

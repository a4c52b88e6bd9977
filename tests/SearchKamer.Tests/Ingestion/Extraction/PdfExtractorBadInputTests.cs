using SearchKamer.Ingestion.Extraction;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;
using Xunit;

namespace SearchKamer.Tests.Ingestion.Extraction;

public sealed class PdfExtractorBadInputTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("pdf-extractor-tests-");

    private static string RealPdf => PdfCorpus.PdfPath(PdfCorpus.FileStartingWith("1a529d02"));

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public void An_empty_file_is_refused_as_empty()
    {
        var path = Write("empty.pdf", []);

        AssertRefused(path, "leeg bestand (0 bytes)");
    }

    [Fact]
    public void A_png_renamed_to_pdf_is_refused_as_not_a_pdf()
    {
        var path = Write("picture.pdf", [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R']);

        var message = AssertRefused(path, "geen PDF");
        Assert.Contains("PNG", message);
    }

    [Fact]
    public void A_truncated_pdf_is_refused_as_damaged()
    {
        var bytes = File.ReadAllBytes(RealPdf);
        var path = Write("half.pdf", bytes[..(bytes.Length / 2)]);

        AssertRefused(path, "beschadigde PDF");
    }

    [Fact]
    public void Flipped_bytes_either_extract_or_are_refused_but_never_crash()
    {
        var bytes = File.ReadAllBytes(RealPdf);
        var random = new Random(20240325);
        for (var i = 0; i < 20; i++)
        {
            bytes[random.Next(bytes.Length / 4, bytes.Length)] ^= 0xFF;
        }

        var path = Write("flipped.pdf", bytes);

        var error = Record.Exception(() => PdfExtractor.Extract(path));
        Assert.True(error is null or ExtractionException, error?.GetType().Name);
    }

    [Fact]
    public void A_password_protected_pdf_is_refused_as_encrypted()
    {
        AssertRefused(PdfCorpus.FixturePath("broken", "encrypted-user-password.pdf"), "versleutelde PDF");
    }

    [Fact]
    public void A_pdf_without_any_text_is_refused_as_having_no_text_layer()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4).DrawRectangle(new PdfPoint(50, 50), 200, 100);
        var path = Write("drawing-only.pdf", builder.Build());

        AssertRefused(path, "geen tekstlaag");
    }

    [Fact]
    public void A_missing_file_is_refused_as_not_found()
    {
        AssertRefused(Path.Combine(_temp.FullName, "nope.pdf"), "bestand niet gevonden");
    }

    [Fact]
    public void Detached_combining_marks_compose_even_without_icu()
    {
        Assert.Equal("Kostić Yeşilgöz ǘ", LatinComposer.Compose("Kostic\u0301 Yes\u0327ilgo\u0308z u\u0308\u0301"));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_temp.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string AssertRefused(string path, string reason)
    {
        var error = Assert.Throws<ExtractionException>(() => PdfExtractor.Extract(path));
        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        return error.Message;
    }
}

using SearchKamer.Domain;
using SearchKamer.Ingestion;

namespace SearchKamer.Tests.Ingestion;

/// <summary>
/// The formats registry against the world: real files of the bundled corpus are read as the format their
/// name says, each format's names lead back to it, and renditions rank structured markup first.
/// </summary>
public sealed class DocumentFormatsTests
{
    [Theory]
    [InlineData("pdf", "pdf")]
    [InlineData("markup", "html")]
    [InlineData("markup", "xml")]
    [InlineData("limburg", "txt")]
    public void A_real_file_is_read_as_the_format_its_name_says(string folder, string extension)
    {
        var file = Directory.GetFiles(RepoPaths.CorpusFile(folder), "*." + extension).Order(StringComparer.Ordinal).First();
        var named = DocumentFormats.OfExtension(file);

        var read = DocumentReader.Read(file);

        Assert.NotNull(named);
        Assert.Equal(named.Name, read.Document?.Source.Format);
        Assert.Same(named, FormatSniffer.Detect(file));
    }

    [Fact]
    public void A_docx_is_read_as_docx_whatever_its_name()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("searchkamer-format-").FullName, "zonder-extensie.bin");
        try
        {
            File.WriteAllBytes(path, Extraction.DocxFixture.Write(["Vraag 1", "Kent u het bericht?"]));
            Assert.Same(DocumentFormats.Docx, FormatSniffer.Detect(path));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Every_format_is_found_again_by_its_name_endings_and_media_types()
    {
        Assert.Equal(DocumentFormats.All.Count, DocumentFormats.All.Select(f => f.Name).Distinct().Count());
        Assert.All(DocumentFormats.All, f =>
        {
            Assert.Same(f, DocumentFormats.Named(f.Name));
            Assert.All(f.Extensions, e => Assert.Same(f, DocumentFormats.OfExtension("a" + e.ToUpperInvariant())));
            Assert.All(f.HttpTypes, t => Assert.Same(f, DocumentFormats.OfHttpType(t + "; charset=utf-8")));
        });
        Assert.Null(DocumentFormats.OfHttpType("application/msword"));
    }

    [Fact]
    public void Renditions_rank_xml_over_html_over_pdf_over_the_rest()
    {
        Assert.Equal([DocumentFormats.Xml, DocumentFormats.Html, DocumentFormats.Pdf],
            DocumentFormats.All.OrderByDescending(f => f.RenditionRank).Take(3));
    }
}

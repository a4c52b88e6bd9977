using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Indexing;
using SearchKamer.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>
/// The export's columns come from <see cref="IndexSchema"/>: the header against the rows the schema marks as
/// exported, and each such cell of a real export of the bundled corpus against the values the index stored for
/// that document (read from its Lucene record, not through the export code).
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class ExportColumnsTests(CorpusIndexFixture corpus)
{
    private static readonly SchemaExport[] FromSchema = [.. IndexSchema.All.Where(f => f.Export is not null).Select(f => f.Export!)];

    [Fact]
    public void The_csv_header_is_the_listed_columns_with_each_exported_schema_row_after_the_column_it_names()
    {
        var header = Cells(Export.Rows(corpus.Documents))[0];

        var schemaColumns = FromSchema.Select(e => e.Column).ToHashSet();
        Assert.NotEmpty(schemaColumns);
        Assert.Equal(ExportColumns.NotFromSchema.Count + FromSchema.Length, header.Length);
        Assert.Equal(header.Length, header.Distinct().Count());
        Assert.Equal(ExportColumns.NotFromSchema.Select(c => c.Name), header.Where(h => !schemaColumns.Contains(h)));
        foreach (var export in FromSchema)
        {
            var at = Array.IndexOf(header, export.Column);
            Assert.True(at >= 0, $"schema column {export.Column} is missing from the header");

            // Between the column it names (or, without one, the last listed column) and itself: schema columns only.
            var after = export.After is { } name ? Array.IndexOf(header, name) : header.ToList().FindLastIndex(h => !schemaColumns.Contains(h));
            Assert.True(after >= 0 && after < at, $"{export.Column} does not follow {export.After}");
            Assert.All(header[(after + 1)..at], h => Assert.Contains(h, schemaColumns));
        }
    }

    [Fact]
    public void Each_exported_schema_cell_of_the_bundled_corpus_holds_the_values_the_index_stored_for_its_document()
    {
        var stored = StoredValues();
        var rows = Cells(Export.Rows(corpus.Engine.All()));
        var header = rows[0];

        var compared = 0;
        var severalValues = 0;
        foreach (var row in rows.Skip(1))
        {
            var document = stored[row[Array.IndexOf(header, "docId")]];
            foreach (var field in IndexSchema.All.Where(f => f.Export is not null))
            {
                var cell = row[Array.IndexOf(header, field.Export!.Column)];
                var values = cell.Split("; ").Where(v => !string.IsNullOrWhiteSpace(v)).ToArray();
                Assert.Equal(document.GetValues(field.Name), values);
                compared++;
                severalValues += values.Length > 1 ? 1 : 0;
            }
        }

        Assert.Equal(corpus.Documents.Sum(d => d.Questions.Count) * FromSchema.Length, compared);
        Assert.True(severalValues > 0, "no cell of the corpus holds several values; the test needs some");
    }

    [Fact]
    public void A_schema_row_given_an_export_is_a_csv_and_a_json_column_with_no_other_change()
    {
        var schema = IndexSchema.All.Select(f => f.Name == Fields.Addressee ? f with { Export = new("addressees") } : f);
        var columns = ExportColumns.Of(schema);
        var documents = corpus.Documents.Where(d => d.Addressees.Count > 0 && d.Questions.Count > 0).ToList();
        Assert.NotEmpty(documents);

        var csv = Cells(Export.Rows(documents), columns);
        var json = new StringWriter();
        Export.WriteJsonl(Export.Rows(documents), json, columns);
        var objects = json.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal("addressees", csv[0][^1]);
        var expected = Export.Rows(documents).Select(r => r.Document.Addressees.ToList()).ToList();
        Assert.Equal(expected.Select(a => string.Join("; ", a)), csv.Skip(1).Select(r => r[^1]));
        Assert.Equal(expected, objects.Select(o => o.GetProperty("addressees").EnumerateArray().Select(v => v.GetString()!).ToList()));
    }

    /// <summary>The stored fields of every document record, by key: what the document mapper wrote, read by Lucene.</summary>
    private Dictionary<string, Lucene.Net.Documents.Document> StoredValues() => corpus.Index.Read(searcher =>
    {
        var top = searcher.Search(new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), int.MaxValue);
        return top.ScoreDocs.Select(s => searcher.Doc(s.Doc)).ToDictionary(d => d.Get(Fields.DocId));
    });

    private static List<string[]> Cells(IEnumerable<ExportRow> rows, IReadOnlyList<ExportColumn>? columns = null)
    {
        var text = new StringWriter();
        Export.WriteCsv(rows, text, columns);
        return Rfc4180.Read(text.ToString());
    }
}

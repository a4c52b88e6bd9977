using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Indexing;
using SearchKamer.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>
/// The export's columns come from <see cref="IndexSchema"/>: the header against the rows the schema marks as
/// exported, and each such cell of a real export of the bundled corpus against the document's own record, read
/// by this test without the schema (a wrong value function in the schema would otherwise check itself).
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

    /// <summary>
    /// The oracle: each schema column's cell as the domain record says it, written here without the schema's value
    /// functions; every value keeps its place, a missing one as an empty string between the separators.
    /// </summary>
    private static readonly Dictionary<string, Func<Domain.KamervraagDocument, IEnumerable<string?>>> Expected = new()
    {
        ["askers"] = d => d.Askers.Select(a => a.Name),
        ["parties"] = d => d.Askers.Select(a => a.Party),
        ["ministries"] = d => d.Answerers.Select(a => a.Ministry),
        // The soort values the site documents (README, filter "soort").
        ["kind"] = d => [d.Kind switch
        {
            Domain.DocumentKind.Vragen => "vragen",
            Domain.DocumentKind.Antwoord => "antwoord",
            Domain.DocumentKind.NaderAntwoord => "nader-antwoord",
            _ => "mededeling",
        }],
        ["vergaderjaar"] = d => [d.Vergaderjaar],
    };

    [Fact]
    public void Each_exported_schema_cell_of_the_bundled_corpus_holds_the_domain_records_values_in_place_with_parties_beside_their_askers()
    {
        var documents = corpus.Documents.ToDictionary(DocumentMapper.KeyOf);
        var rows = Cells(Export.Rows(corpus.Engine.All()));
        var header = rows[0];
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), FromSchema.Select(e => e.Column).Order(StringComparer.Ordinal));

        var (compared, severalAskers, blanks) = (0, 0, 0);
        foreach (var row in rows.Skip(1))
        {
            var document = documents[row[Array.IndexOf(header, "docId")]];
            foreach (var (column, values) in Expected)
            {
                var cell = row[Array.IndexOf(header, column)];
                Assert.Equal(string.Join("; ", values(document).Select(v => v ?? "")), cell);
                compared++;
                blanks += values(document).Count(v => string.IsNullOrEmpty(v));
            }

            // The n-th party is the n-th asker's, also where an asker has none.
            // (No asker is an empty cell, one asker without a party too: only the record's count tells them apart.)
            var askers = document.Askers.Count == 0 ? [] : row[Array.IndexOf(header, "askers")].Split("; ");
            var parties = document.Askers.Count == 0 ? [] : row[Array.IndexOf(header, "parties")].Split("; ");
            Assert.Equal(askers.Length, parties.Length);
            Assert.Equal(document.Askers.Select(a => (a.Name, a.Party ?? "")), askers.Zip(parties));
            severalAskers += document.Askers.Count > 1 ? 1 : 0;
        }

        Assert.Equal(corpus.Documents.Sum(d => d.Questions.Count) * Expected.Count, compared);
        Assert.True(severalAskers > 0, "no row of the corpus has several askers; the alignment needs some");
        Assert.True(blanks > 0, "no value of the corpus is missing; the blank cells need some");
    }

    [Fact]
    public void An_asker_without_a_party_keeps_an_empty_place_so_the_parties_still_line_up_with_the_askers()
    {
        // Every asker in the corpus has a party; a real record with its first asker's party gone, as a parser that found none leaves it.
        var real = corpus.Documents.First(d => d.Askers.Count > 1 && d.Askers.All(a => a.Party is not null) && d.Questions.Count > 0);
        var record = real with { Askers = [real.Askers[0] with { Party = null }, .. real.Askers.Skip(1)] };

        var rows = Cells(Export.Rows([record]));
        var parties = rows[1][Array.IndexOf(rows[0], "parties")].Split("; ");

        Assert.Equal(record.Askers.Count, parties.Length);
        Assert.Equal([""], parties[..1]);
        Assert.Equal(real.Askers.Skip(1).Select(a => a.Party!), parties[1..]);
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

    private static List<string[]> Cells(IEnumerable<ExportRow> rows, IReadOnlyList<ExportColumn>? columns = null)
    {
        var text = new StringWriter();
        Export.WriteCsv(rows, text, columns);
        return Rfc4180.Read(text.ToString());
    }
}

using System.Buffers;
using System.Text;
using System.Text.Json;
using SearchKamer.Domain;
using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>One row of the export: a question-answer pair with its document, whose columns <see cref="ExportColumns"/> reads.</summary>
public sealed record ExportRow(KamervraagDocument Document, QuestionAnswer Pair)
{
    /// <summary>The document's key in the index (<see cref="DocumentMapper.KeyOf"/>).</summary>
    public string DocId => DocumentMapper.KeyOf(Document);

    public int Number => Pair.Number;
}

/// <summary>Bulk data for users and engine comparisons: one row per question-answer pair, the columns of <see cref="ExportColumns.All"/>.</summary>
public static class Export
{
    public static IEnumerable<ExportRow> Rows(IEnumerable<KamervraagDocument> documents) =>
        documents.SelectMany(d => d.Questions.Select(q => new ExportRow(d, q)));

    /// <summary>One JSON object per line, the columns that have a JSON value in order.</summary>
    /// <param name="columns">The columns; <see cref="ExportColumns.All"/> when not given.</param>
    public static int WriteJsonl(IEnumerable<ExportRow> rows, TextWriter output, IReadOnlyList<ExportColumn>? columns = null)
    {
        var json = (columns ?? ExportColumns.All).Where(c => c.Json is not null).ToList();
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = StoredJson.Options.Encoder });
        var count = 0;
        foreach (var row in rows)
        {
            writer.WriteStartObject();
            foreach (var column in json)
            {
                writer.WritePropertyName(column.Name);
                JsonSerializer.Serialize(writer, column.Json!(row), StoredJson.Options);
            }

            writer.WriteEndObject();
            writer.Flush();
            output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
            buffer.ResetWrittenCount();
            writer.Reset();
            count++;
        }

        return count;
    }

    /// <summary>
    /// RFC 4180: every field quoted, quotes doubled, lists joined with "; ". A field that a spreadsheet would
    /// read as a formula (starting with = + - @, tab or carriage return; OWASP CSV injection) gets a leading
    /// apostrophe, which spreadsheets show as text; the JSONL export keeps the text as it is.
    /// </summary>
    /// <param name="columns">The columns; <see cref="ExportColumns.All"/> when not given.</param>
    public static int WriteCsv(IEnumerable<ExportRow> rows, TextWriter output, IReadOnlyList<ExportColumn>? columns = null)
    {
        var csv = columns ?? ExportColumns.All;
        output.Write(string.Join(",", csv.Select(c => c.Name)) + "\r\n");
        var count = 0;
        foreach (var row in rows)
        {
            output.Write(string.Join(",", csv.Select(c => Quote(c.Csv(row)))) + "\r\n");
            count++;
        }

        return count;
    }

    public static string Neutralise(string field) => field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;

    private static string Quote(string field)
    {
        var s = new StringBuilder("\"");
        s.Append(Neutralise(field).Replace("\"", "\"\"", StringComparison.Ordinal));
        return s.Append('"').ToString();
    }
}

using System.Text;
using System.Text.Json;
using SearchKamer.Domain;
using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>One row per question-answer pair with its document's metadata: bulk data for users and engine comparisons.</summary>
public sealed record ExportRow(
    string DocId,
    string? OfficialId,
    string? DocumentNumber,
    string Kind,
    string? Vergaderjaar,
    DateOnly? DateSubmitted,
    DateOnly? DateReceived,
    string? Subject,
    IReadOnlyList<Asker> Askers,
    IReadOnlyList<Answerer> Answerers,
    int Number,
    IReadOnlyList<int> AnsweredWith,
    string Question,
    string? Answer);

public static class Export
{
    private static readonly string[] CsvHeader =
    [
        "docId", "officialId", "documentNumber", "kind", "vergaderjaar", "dateSubmitted", "dateReceived", "subject",
        "askers", "parties", "answerers", "ministries", "number", "answeredWith", "question", "answer",
    ];

    public static IEnumerable<ExportRow> Rows(IEnumerable<KamervraagDocument> documents) =>
        documents.SelectMany(d => d.Questions.Select(q => new ExportRow(
            DocumentMapper.KeyOf(d), d.OfficialId, d.DocumentNumber, Kinds.Name(d.Kind), d.Vergaderjaar, d.DateSubmitted, d.DateReceived,
            d.Subject, d.Askers, d.Answerers, q.Number, q.AnsweredWith, q.Question, q.Answer ?? d.Notice)));

    public static int WriteJsonl(IEnumerable<ExportRow> rows, TextWriter output)
    {
        var count = 0;
        foreach (var row in rows)
        {
            output.WriteLine(JsonSerializer.Serialize(row, StoredJson.Options));
            count++;
        }

        return count;
    }

    /// <summary>
    /// RFC 4180: every field quoted, quotes doubled, lists joined with "; ". A field that a spreadsheet would
    /// read as a formula (starting with = + - @, tab or carriage return; OWASP CSV injection) gets a leading
    /// apostrophe, which spreadsheets show as text; the JSONL export keeps the text as it is.
    /// </summary>
    public static int WriteCsv(IEnumerable<ExportRow> rows, TextWriter output)
    {
        output.Write(string.Join(",", CsvHeader) + "\r\n");
        var count = 0;
        foreach (var r in rows)
        {
            string[] fields =
            [
                r.DocId, r.OfficialId ?? "", r.DocumentNumber ?? "", r.Kind, r.Vergaderjaar ?? "",
                r.DateSubmitted?.ToString("yyyy-MM-dd") ?? "", r.DateReceived?.ToString("yyyy-MM-dd") ?? "", r.Subject ?? "",
                string.Join("; ", r.Askers.Select(a => a.Name)), string.Join("; ", r.Askers.Select(a => a.Party ?? "")),
                string.Join("; ", r.Answerers.Select(a => $"{a.Role} {a.Name}")), string.Join("; ", r.Answerers.Select(a => a.Ministry ?? "")),
                r.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(" ", r.AnsweredWith), r.Question, r.Answer ?? "",
            ];
            output.Write(string.Join(",", fields.Select(Quote)) + "\r\n");
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

using System.Globalization;
using SearchKamer.Indexing;

namespace SearchKamer.Search;

/// <summary>One column of the export: its name, its CSV cell, and its JSON value (no JSON function: CSV only).</summary>
public sealed record ExportColumn(string Name, Func<ExportRow, string> Csv, Func<ExportRow, object?>? Json);

/// <summary>
/// The export's columns: those listed in <see cref="NotFromSchema"/>, and one per <see cref="IndexSchema"/> row with a
/// <see cref="SchemaExport"/>, placed after the column it names. A row with an export is a CSV and JSON column with
/// no change here.
/// </summary>
public static class ExportColumns
{
    /// <summary>
    /// The columns that are no schema row's values: the document's identity, dates and subject as printed (the
    /// index holds the ids lower-cased and one date), the answerers as they sign (role and name), and the pair itself.
    /// </summary>
    public static IReadOnlyList<ExportColumn> NotFromSchema { get; } =
    [
        Text("docId", r => r.DocId),
        Text("officialId", r => r.Document.OfficialId),
        Text("documentNumber", r => r.Document.DocumentNumber),
        Date("dateSubmitted", r => r.Document.DateSubmitted),
        Date("dateReceived", r => r.Document.DateReceived),
        Text("subject", r => r.Document.Subject),
        new("answerers", r => Join(r.Document.Answerers.Select(a => $"{a.Role} {a.Name}")), r => r.Document.Answerers),
        new("number", r => r.Pair.Number.ToString(CultureInfo.InvariantCulture), r => r.Pair.Number),
        new("answeredWith", r => string.Join(" ", r.Pair.AnsweredWith), r => r.Pair.AnsweredWith),
        Text("question", r => r.Pair.Question),
        Text("answer", r => r.Pair.Answer ?? r.Document.Notice),
    ];

    /// <summary>Every column, in the order of the CSV header and the JSON objects.</summary>
    public static IReadOnlyList<ExportColumn> All { get; } = Of(IndexSchema.Exported);

    /// <summary>The columns of <see cref="NotFromSchema"/> with those of <paramref name="rows"/> placed among them.</summary>
    public static IReadOnlyList<ExportColumn> Of(IEnumerable<SchemaField> rows)
    {
        var columns = NotFromSchema.ToList();
        var pending = rows.Where(f => f.Export is not null).ToList();
        while (pending.Count > 0)
        {
            // A row may follow the column of a later row (parties after askers): place whichever can be placed.
            var next = pending.FirstOrDefault(f => f.Export!.After is null || columns.Exists(c => c.Name == f.Export.After))
                ?? throw new InvalidOperationException($"export column '{pending[0].Export!.Column}' follows '{pending[0].Export!.After}', which is no column");
            Place(columns, next);
            pending.Remove(next);
        }

        return columns;
    }

    private static void Place(List<ExportColumn> columns, SchemaField row)
    {
        var export = row.Export!;
        if (columns.Exists(c => c.Name == export.Column))
        {
            throw new InvalidOperationException($"export column '{export.Column}' of schema row '{row.Name}' exists already");
        }

        var column = FromRow(row, export);
        if (export.After is null)
        {
            columns.Add(column);
        }
        else
        {
            columns.Insert(columns.FindIndex(c => c.Name == export.After) + 1, column);
        }
    }

    private static ExportColumn FromRow(SchemaField row, SchemaExport export)
    {
        var values = row.Values ?? throw new InvalidOperationException($"schema row '{row.Name}' is exported but gives no values");
        Func<ExportRow, object?>? json = export.CsvOnly ? null
            : export.Json is { } custom ? r => custom(r.Document)
            : export.Single ? r => values(r.Document).FirstOrDefault()
            : r => values(r.Document).OfType<string>().ToList();
        return new ExportColumn(export.Column, r => Join(values(r.Document)), json);
    }

    /// <summary>A missing value keeps its place, so the parties of a CSV row line up with its askers.</summary>
    private static string Join(IEnumerable<string?> values) => string.Join("; ", values.Select(v => v ?? ""));

    private static ExportColumn Text(string name, Func<ExportRow, string?> value) => new(name, r => value(r) ?? "", value);

    private static ExportColumn Date(string name, Func<ExportRow, DateOnly?> value) =>
        new(name, r => value(r)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r => value(r));
}

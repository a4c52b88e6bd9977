using SearchKamer.Indexing;

namespace SearchKamer.Search.Relevance;

/// <summary>A document judged relevant to a query: grade 2 on the subject, 1 partly; the pairs that answer it.</summary>
public sealed record Judgement(string DocumentId, int Grade, string Pairs);

/// <summary>One judged query: its text, its filters as a user types them, and what a reader found relevant.</summary>
public sealed record JudgedQuery(string Query, IReadOnlyDictionary<string, string> Filters, string Class, IReadOnlyList<Judgement> Relevant)
{
    /// <summary>The query as a request; filter names are those of the form and the CLI (the schema's filters).</summary>
    public SearchRequest ToRequest() => new()
    {
        Query = Query,
        Selections = IndexSchema.Filters.Where(f => Filters.ContainsKey(f.Filter!.Param))
            .ToDictionary(f => f.Name, f => (IReadOnlyList<string>)[Filters[f.Filter!.Param]]),
    };
}

/// <summary>Reads the judgement file (see tests/SearchKamer.Tests/Fixtures/relevance/judgements.tsv for the format).</summary>
public static class RelevanceSet
{
    public static IReadOnlyList<JudgedQuery> Read(string path)
    {
        var queries = new List<JudgedQuery>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t');
            switch (cells[0])
            {
                case "Q" when cells.Length == 4:
                    queries.Add(new JudgedQuery(cells[1], ParseFilters(cells[2], path, lineNumber), cells[3], []));
                    break;
                case "R" when cells.Length == 4 && queries.Count > 0 && int.TryParse(cells[2], out var grade) && grade is 1 or 2:
                    var last = queries[^1];
                    queries[^1] = last with { Relevant = [.. last.Relevant, new Judgement(cells[1], grade, cells[3])] };
                    break;
                default:
                    throw new FormatException($"{path}:{lineNumber}: verwacht Q<tab>zoekvraag<tab>filters<tab>soort of R<tab>document<tab>1|2<tab>vragen");
            }
        }

        return queries;
    }

    private static Dictionary<string, string> ParseFilters(string cell, string path, int line)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? part[..eq] : "";
            if (IndexSchema.ByParam(name) is null)
            {
                throw new FormatException($"{path}:{line}: onbekend filter \"{part}\"");
            }

            filters[name] = part[(eq + 1)..];
        }

        return filters;
    }
}

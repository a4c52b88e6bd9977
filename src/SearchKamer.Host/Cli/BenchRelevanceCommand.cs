using System.CommandLine;
using System.Globalization;
using SearchKamer.Host.Services;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;
using SearchKamer.Search;
using SearchKamer.Search.Relevance;

namespace SearchKamer.Host.Cli;

/// <summary>
/// <c>searchkamer bench relevance [--judgements FILE] [--verbose]</c>: indexes the bundled corpus into a temporary
/// folder and scores the judged query set on it (nDCG@10, recall@10, zero-hit rate), so figures compare across versions.
/// </summary>
public static class BenchRelevanceCommand
{
    private const string DefaultJudgements = "tests/SearchKamer.Tests/Fixtures/relevance/judgements.tsv";

    public static Command Create()
    {
        var judgements = CliOptions.Text("--judgements", "BESTAND", "de beoordeelde zoekvragen (standaard " + DefaultJudgements + ")");
        var verbose = CliOptions.Flag("--verbose", "ook de cijfers per zoekvraag en per klasse");
        var command = new Command("relevance", "de kwaliteit van de zoekresultaten meten op de beoordeelde zoekvragen (nDCG@10, recall@10, zonder hits)") { judgements, verbose };
        command.SetAction(r => Run(r.GetValue(judgements), r.GetValue(verbose), r.InvocationConfiguration));
        return command;
    }

    private static int Run(string? judgements, bool verbose, InvocationConfiguration console)
    {
        var output = console.Output;
        var path = judgements ?? Locate();
        if (!File.Exists(path))
        {
            console.Error.WriteLine($"--judgements: bestand \"{path}\" niet gevonden");
            return 2;
        }

        var queries = RelevanceSet.Read(path);
        var data = Directory.CreateTempSubdirectory("searchkamer-relevance-").FullName;
        try
        {
            using var index = SearchIndex.OpenForWriting(Path.Combine(data, "index"));
            IngestPipeline.Run(index, FileWalker.Expand([BundledCorpus.Locate()], new List<string>()), Environment.ProcessorCount, _ => { });
            var report = RelevanceEvaluator.Evaluate(new SearchEngine(index), queries);
            Print(report, verbose, output);
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static void Print(RelevanceReport r, bool verbose, TextWriter output)
    {
        string F(double x) => x.ToString("0.000", CultureInfo.InvariantCulture);
        if (verbose)
        {
            foreach (var s in r.Scores)
            {
                output.WriteLine($"{F(s.Ndcg)}  {F(s.Recall)}  {s.Total,5}  {s.Query.Class,-11} {s.Query.Query} {string.Join(";", s.Query.Filters.Select(f => $"{f.Key}={f.Value}"))}{(s.Suggestion is null ? "" : $"  → {s.Suggestion}")}");
            }

            output.WriteLine();
            foreach (var c in r.Scores.GroupBy(s => s.Query.Class))
            {
                output.WriteLine($"{c.Key,-11} {c.Count(),3} vragen  nDCG@10 {F(c.Average(s => s.Ndcg))}  recall@10 {F(c.Average(s => s.Recall))}  zonder hits {c.Count(s => s.Total == 0)}");
            }

            output.WriteLine();
        }

        output.WriteLine($"{r.Scores.Count} zoekvragen");
        output.WriteLine($"nDCG@10     {F(r.Ndcg)}   (na één klik op 'Bedoelde u': {F(r.NdcgAfterSuggestion)})");
        output.WriteLine($"recall@10   {F(r.Recall)}   (na één klik: {F(r.RecallAfterSuggestion)})");
        output.WriteLine($"zonder hits {F(r.ZeroHitRate)}   (na één klik: {F(r.ZeroHitRateAfterSuggestion)})");
    }

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultJudgements);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return DefaultJudgements;
    }
}

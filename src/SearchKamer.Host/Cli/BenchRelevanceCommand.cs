using System.Globalization;
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

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var cli = new CliArgs(args, new HashSet<string> { "--verbose" });
        var path = cli.One("--judgements") ?? Locate();
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"--judgements: bestand \"{path}\" niet gevonden");
            return 2;
        }

        var queries = RelevanceSet.Read(path);
        var data = Directory.CreateTempSubdirectory("searchkamer-relevance-").FullName;
        try
        {
            using var index = SearchIndex.OpenForWriting(Path.Combine(data, "index"));
            IngestPipeline.Run(index, FileWalker.Expand([BundledCorpus.Locate()], new List<string>()), Environment.ProcessorCount, _ => { });
            var report = RelevanceEvaluator.Evaluate(new SearchEngine(index), queries);
            Print(report, cli.Flag("--verbose"), output);
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

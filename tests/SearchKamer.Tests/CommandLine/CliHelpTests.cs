using System.CommandLine;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Directory = System.IO.Directory;
using Lucene.Net.Util;
using SearchKamer.Host.Cli;
using SearchKamer.Tests.Reliability;

namespace SearchKamer.Tests.CommandLine;

/// <summary>Every verb answers --help with its usage (exit 0), and a bad argument names the option (exit 2).</summary>
public sealed class CliHelpTests
{
    // The verbs and options the README's CLI table documents.
    public static TheoryData<string, string[]> Documented => new()
    {
        { "parse", ["--json"] },
        { "ingest", ["--data", "--batch"] },
        { "search", ["--minister", "--ministerie", "--partij", "--indiener", "--jaar", "--soort", "--vergaderjaar", "--van", "--tot", "--in", "--sort", "--page", "--size", "--json"] },
        { "export", ["--format", "--out"] },
        { "bench ingest", [] },
        { "bench search", ["--pairs", "--pool", "--data", "--keep"] },
        { "bench http", ["--index", "--url", "--connections", "--rate", "--duration", "--warmup", "--inbox", "--per-class"] },
        { "users add", [] },
        { "sync", ["--once", "--since", "--from-start", "--base-url", "--backfill"] },
    };

    [Theory]
    [MemberData(nameof(Documented))]
    public void Each_documented_verb_prints_its_usage_and_options_in_dutch_on_help(string verb, string[] options)
    {
        var (code, output, _) = Run([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, code);
        Assert.StartsWith($"gebruik: searchkamer {verb} ", output, StringComparison.Ordinal);
        Assert.Contains("opties:", output, StringComparison.Ordinal);
        Assert.All(options, o => Assert.Contains($"  {o}", output, StringComparison.Ordinal));
        Assert.DoesNotContain("Usage:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_declared_command_has_help_with_a_description_of_each_option()
    {
        var commands = Walk(Cli.Root()).ToList();
        Assert.True(commands.Count >= 12, string.Join(", ", commands.Select(CliHelp.PathOf)));
        foreach (var command in commands)
        {
            var words = CliHelp.PathOf(command).Split(' ').Skip(1).Append("--help").ToArray();
            var (code, output, _) = Run(words);
            Assert.True(code == 0, $"{string.Join(' ', words)}: exit {code}");
            Assert.All(command.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Description), $"{CliHelp.PathOf(command)} {o.Name} has no help text"));
            Assert.All(command.Options, o => Assert.Contains(o.Name, output, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("sync --help")]
    [InlineData("ingest --help")]
    [InlineData("help sync")]
    public async Task The_executable_prints_help_and_exits_0(string args)
    {
        var (code, process) = await SearchkamerProcess.RunAsync(args.Split(' '), TimeSpan.FromMinutes(1));

        Assert.True(code == 0, process.Errors);
        Assert.StartsWith("gebruik: searchkamer", process.Output[0], StringComparison.Ordinal);
        Assert.Empty(process.Errors);
    }

    [Theory]
    [InlineData("search --page abc woord", "--page")]
    [InlineData("search --size", "--size")]
    [InlineData("search --van 2024-02-30 woord", "--van")]
    [InlineData("search --in kop woord", "--in")]
    [InlineData("search --sort datum woord", "--sort")]
    [InlineData("search --pagina 2 woord", "--pagina")]
    [InlineData("search --facetwaarden 0 woord", "--facetwaarden")]
    [InlineData("search --facetwaarden veel woord", "--facetwaarden")]
    [InlineData("search --facetwaarden 99999999999 woord", "--facetwaarden")]
    [InlineData("ingest --batch 0 map", "--batch")]
    [InlineData("ingest --data", "--data")]
    [InlineData("export --format xlsx", "--format")]
    [InlineData("sync --since gisteren", "--since")]
    [InlineData("sync --backfill 2024-01-01", "--backfill")]
    [InlineData("bench http --connections veel --url http://127.0.0.1:9", "--connections")]
    [InlineData("users add a@example.org --url niet-een-adres", "--url")]
    public void A_bad_argument_exits_2_with_an_error_naming_the_option(string args, string option)
    {
        var data = Directory.CreateTempSubdirectory("searchkamer-cli-args-").FullName;
        try
        {
            var (code, output, error) = Run([.. args.Split(' '), .. args.StartsWith("users", StringComparison.Ordinal) ? new[] { "--data", data } : []]);

            Assert.Equal(2, code);
            Assert.Contains(option, error.Split('\n')[0], StringComparison.Ordinal);
            Assert.Equal("", output);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Bench_http_refuses_an_index_of_another_schema_and_leaves_it_whole()
    {
        // An index as an older version wrote it: one document, schema 5 in its commit data.
        var path = Directory.CreateTempSubdirectory("searchkamer-old-schema-").FullName;
        try
        {
            using (var directory = FSDirectory.Open(path))
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new KeywordAnalyzer())))
            {
                writer.AddDocument([new StringField("id", "oud", Field.Store.YES)]);
                writer.SetCommitData(new Dictionary<string, string> { ["schema"] = "5" });
                writer.Commit();
            }

            var (code, output, error) = Run(["bench", "http", "--index", path, "--duration", "1", "--warmup", "0"]);

            Assert.Equal(2, code);
            Assert.Contains("--index", error.Split('\n')[0], StringComparison.Ordinal);
            Assert.Contains("schema 5", error, StringComparison.Ordinal);
            Assert.Equal("", output);
            using var reopened = FSDirectory.Open(path);
            using var reader = DirectoryReader.Open(reopened);
            Assert.Equal(1, reader.NumDocs);
        }
        finally
        {
            Directory.Delete(path, recursive: true);
        }
    }

    [Theory]
    [InlineData("bench")]
    [InlineData("users")]
    [InlineData("parse")]
    [InlineData("sync extra")]
    public void A_verb_without_what_it_needs_exits_2_with_its_usage(string args)
    {
        var (code, _, error) = Run(args.Split(' '));

        Assert.Equal(2, code);
        Assert.Contains($"searchkamer {args.Split(' ')[0]}", error, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = Cli.Dispatch(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static IEnumerable<Command> Walk(Command command) => command.Subcommands.SelectMany(Walk).Prepend(command);
}

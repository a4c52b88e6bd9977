using System.Text.Json;
using System.Text.RegularExpressions;
using SearchKamer.Tests.Reliability;

namespace SearchKamer.Tests.CommandLine;

/// <summary>
/// The verbs as a user runs them: the real executable on an index it built itself from the 16 bundled
/// PDFs. Field lists are the README's CLI table; expected documents come from the gold file or are
/// computed here from the exported texts, never from the output under test.
/// </summary>
public sealed partial class CliCommandTests(CliCorpus corpus) : IClassFixture<CliCorpus>
{
    private const string Word = "provincie";

    private static readonly string[] ParseFields =
    [
        "kind", "noticeKind", "officialId", "documentNumber", "zaakNumbers", "vergaderjaar", "aanhangselnummer", "subject", "askers",
        "addressees", "answerers", "onBehalfOf", "dateSubmitted", "dateReceived", "seeAlso", "notice", "questions", "footnotes", "inherited", "warnings", "source",
    ];

    private static readonly string[] SearchFields = ["total", "totalDocuments", "tookMs", "syntaxRelaxed", "notice", "shortcut", "documents", "facets", "facetTotals", "filterNotes", "suggestion"];
    private static readonly string[] HitFields = ["id", "kind", "officialId", "documentNumber", "subject", "title", "dateSubmitted", "dateReceived", "askers", "answerers", "score", "questions", "dossier"];
    private static readonly string[] FacetNames = ["minister", "ministry", "party", "asker", "year", "kind", "vergaderjaar"];

    private static readonly string[] CsvColumns =
    [
        "docId", "officialId", "documentNumber", "kind", "vergaderjaar", "dateSubmitted", "dateReceived", "subject",
        "askers", "parties", "answerers", "ministries", "number", "answeredWith", "question", "answer",
    ];

    private static readonly string[] JsonlFields =
    [
        "docId", "officialId", "documentNumber", "kind", "vergaderjaar", "dateSubmitted", "dateReceived", "subject",
        "askers", "answerers", "number", "answeredWith", "question", "answer",
    ];

    [Fact]
    public async Task Ingest_indexes_every_bundled_pdf_with_one_line_each_and_a_rerun_finds_them_unchanged()
    {
        var pdfs = Directory.GetFiles(CliCorpus.PdfFolder, "*.pdf");

        Assert.Equal(0, corpus.IngestCode);
        Assert.All(pdfs, pdf => Assert.Single(corpus.IngestOutput, l => l.StartsWith("verwerkt ", StringComparison.Ordinal) && l.Contains(pdf, StringComparison.Ordinal)));
        Assert.StartsWith($"{pdfs.Length} bestanden: {pdfs.Length} verwerkt, 0 ongewijzigd, 0 mislukt", corpus.IngestOutput[^1], StringComparison.Ordinal);

        var again = await corpus.Run(0, "ingest", CliCorpus.PdfFolder);
        Assert.Equal(pdfs.Length, again.Output.Count(l => l.StartsWith("ongewijzigd ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Ingest_of_a_missing_path_exits_3_and_names_it()
    {
        var data = Directory.CreateTempSubdirectory("searchkamer-cli-missing-").FullName;
        try
        {
            var missing = Path.Combine(data, "bestaat-niet.pdf");
            var (code, process) = await SearchkamerProcess.RunAsync(["ingest", missing, "--data", data], TimeSpan.FromMinutes(1));

            Assert.Equal(3, code);
            Assert.Contains(process.Output, l => l.StartsWith("mislukt", StringComparison.Ordinal) && l.Contains(missing, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Parse_json_gives_the_documented_fields_the_gold_metadata_and_an_error_object_for_a_missing_file()
    {
        const string file = "00fe7edd-24c8-4857-98da-774ed3b06836.pdf";
        var gold = CliCorpus.GoldPairs().Where(p => p.Item1 == "ah-tk-20232024-1314").ToList();

        var (code, process) = await SearchkamerProcess.RunAsync(["parse", RepoPaths.CorpusFile("pdf", file), "geen-bestand.pdf", "--json"], TimeSpan.FromMinutes(1));

        Assert.Equal(3, code);
        var items = CliCorpus.Json(process).EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal(ParseFields.ToHashSet(), CliCorpus.Keys(items[0]));
        Assert.Equal("ah-tk-20232024-1314", items[0].GetProperty("officialId").GetString());
        Assert.Equal(gold.Select(p => p.Item2).Order(), items[0].GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("number").GetInt32()).Order());
        Assert.Equal(["error", "source"], CliCorpus.Keys(items[1]).Order());
        Assert.Equal("geen-bestand.pdf", items[1].GetProperty("source").GetProperty("path").GetString());
    }

    [Fact]
    public async Task Search_json_has_the_documented_fields_and_finds_the_questions_that_hold_the_word()
    {
        var texts = await AllPairs();
        var exact = texts.Where(t => WholeWord().IsMatch(t.Value)).Select(t => t.Key).ToHashSet();
        var stems = texts.Where(t => WordStart().IsMatch(t.Value)).Select(t => t.Key).ToHashSet();

        var json = CliCorpus.Json(await corpus.Run(0, "search", Word, "--json", "--size", "100"));
        var found = Pairs(json);

        Assert.Equal(SearchFields.ToHashSet(), CliCorpus.Keys(json));
        Assert.Equal(FacetNames.ToHashSet(), CliCorpus.Keys(json.GetProperty("facets")));
        Assert.All(json.GetProperty("documents").EnumerateArray(), d => Assert.Equal(HitFields.ToHashSet(), CliCorpus.Keys(d)));
        Assert.All(json.GetProperty("documents").EnumerateArray().SelectMany(d => d.GetProperty("questions").EnumerateArray()),
            q => Assert.Equal(["answer", "answerText", "number", "question", "questionText", "score"], CliCorpus.Keys(q).Order()));
        Assert.NotEmpty(exact);
        Assert.Subset(found, exact); // every pair with the word is found
        Assert.Superset(found, stems); // and nothing without it
        Assert.Equal(found.Count, json.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("kind", "--soort")]
    [InlineData("vergaderjaar", "--vergaderjaar")]
    public async Task Search_counts_and_selects_soort_and_vergaderjaar_as_the_gold_file_has_them(string facet, string option)
    {
        var gold = GoldValues(facet);
        var rare = gold.GroupBy(g => g.Value).OrderBy(g => g.Count()).First();

        var all = CliCorpus.Json(await corpus.Run(0, "search", "*", "--json")).GetProperty("facets").GetProperty(facet);
        var selected = CliCorpus.Json(await corpus.Run(0, "search", "*", option, rare.Key, "--json", "--size", "100"));

        Assert.Equal(gold.GroupBy(g => g.Value).ToDictionary(g => g.Key, g => g.Count()).OrderBy(kv => kv.Key),
            all.EnumerateArray().ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32()).OrderBy(kv => kv.Key));
        Assert.Equal(rare.Select(g => g.Id).Order(), selected.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("officialId").GetString()!).Order());
    }

    [Fact]
    public async Task Search_facetwaarden_sends_the_most_frequent_askers_and_their_number()
    {
        // The oracle: every asker of the answers in the gold file, counted per document.
        var gold = GoldAskers();
        var expected = gold.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(2).Select(kv => (kv.Key, kv.Value));
        Assert.True(gold.Count > 2, $"the gold file has {gold.Count} askers; the test needs more than 2");

        var json = CliCorpus.Json(await corpus.Run(0, "search", "*", "--json", "--facetwaarden", "2"));
        var all = CliCorpus.Json(await corpus.Run(0, "search", "*", "--json", "--facetwaarden", "alle"));

        Assert.Equal(expected, json.GetProperty("facets").GetProperty("asker").EnumerateArray().Select(v => (v.GetProperty("value").GetString()!, v.GetProperty("count").GetInt32())));
        Assert.Equal(gold.Count, json.GetProperty("facetTotals").GetProperty("asker").GetInt32());
        Assert.Equal(gold.Count, all.GetProperty("facets").GetProperty("asker").GetArrayLength());
    }

    [Fact]
    public async Task Search_pages_with_page_and_size()
    {
        var all = CliCorpus.Json(await corpus.Run(0, "search", Word, "--json", "--size", "100")).GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        Assert.True(all.Count >= 2, $"{Word} is in {all.Count} documents; the test needs two");

        var second = CliCorpus.Json(await corpus.Run(0, "search", Word, "--json", "--size", "1", "--page", "2")).GetProperty("documents");

        Assert.Equal([all[1]], second.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Export_csv_of_a_query_has_the_documented_columns_and_exactly_the_searched_questions()
    {
        var search = CliCorpus.Json(await corpus.Run(0, "search", Word, "--json", "--size", "100"));
        var file = Path.Combine(corpus.Data, $"export-{Guid.NewGuid():N}.csv");
        try
        {
            var run = await corpus.Run(0, "export", Word, "--format", "csv", "--out", file);
            var records = Rfc4180.Read(File.ReadAllText(file).TrimStart('\uFEFF'));

            Assert.Equal(CsvColumns, records[0]);
            var rows = records.Skip(1).ToList();
            Assert.Equal($"{rows.Count} vragen geschreven naar {file}", run.Output.Single());
            Assert.Equal(search.GetProperty("total").GetInt32(), rows.Count);
            Assert.Equal(Pairs(search), rows.Select(r => (r[0], int.Parse(r[12], System.Globalization.CultureInfo.InvariantCulture))).ToHashSet());
            var subjects = search.GetProperty("documents").EnumerateArray().ToDictionary(d => d.GetProperty("id").GetString()!, d => d.GetProperty("subject").GetString());
            Assert.All(rows, r => Assert.Equal(subjects[r[0]], r[7]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_jsonl_of_a_query_has_the_documented_fields_and_exactly_the_searched_questions()
    {
        var search = CliCorpus.Json(await corpus.Run(0, "search", Word, "--json", "--size", "100"));

        var lines = (await corpus.Run(0, "export", Word, "--format", "jsonl")).Output.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

        Assert.All(lines, l => Assert.Equal(JsonlFields.ToHashSet(), CliCorpus.Keys(l)));
        Assert.Equal(search.GetProperty("total").GetInt32(), lines.Count);
        Assert.Equal(Pairs(search), lines.Select(l => (l.GetProperty("docId").GetString()!, l.GetProperty("number").GetInt32())).ToHashSet());
    }

    [Fact]
    public async Task Export_without_a_query_gives_every_question_of_the_gold_documents()
    {
        var rows = (await corpus.Run(0, "export", "--format", "jsonl")).Output.Select(l => JsonDocument.Parse(l).RootElement).ToList();

        Assert.Equal(CliCorpus.GoldPairs(), rows.Select(r => (r.GetProperty("officialId").GetString()!, r.GetProperty("number").GetInt32())).ToHashSet());
        Assert.Equal(CliCorpus.GoldPairs().Count, rows.Count);
    }

    [Fact]
    public async Task Users_add_prints_a_sign_in_link_with_a_token_that_a_second_add_replaces()
    {
        var data = Directory.CreateTempSubdirectory("searchkamer-cli-users-").FullName;
        try
        {
            string[] args = ["users", "add", "lezer@example.org", "--url", "https://zoek.example.nl", "--data", data];
            var (code, first) = await SearchkamerProcess.RunAsync(args, TimeSpan.FromMinutes(1));
            var (againCode, second) = await SearchkamerProcess.RunAsync(args, TimeSpan.FromMinutes(1));
            var (badCode, bad) = await SearchkamerProcess.RunAsync(["users", "add", "geen-adres", "--data", data], TimeSpan.FromMinutes(1));

            Assert.Equal((0, 0, 2), (code, againCode, badCode));
            var token = Token(first);
            Assert.Equal($"https://zoek.example.nl/inloggen?token={Uri.EscapeDataString(token)}", first.Output[1]);
            Assert.NotEqual(token, Token(second));
            Assert.Contains("lezer@example.org", first.Output[0], StringComparison.Ordinal);
            Assert.NotEmpty(bad.Errors);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static string Token(SearchkamerProcess process) =>
        process.Output.Single(l => l.StartsWith("API-token: ", StringComparison.Ordinal))["API-token: ".Length..];

    private static HashSet<(string, int)> Pairs(JsonElement search) =>
        search.GetProperty("documents").EnumerateArray()
            .SelectMany(d => d.GetProperty("questions").EnumerateArray().Select(q => (d.GetProperty("id").GetString()!, q.GetProperty("number").GetInt32())))
            .ToHashSet();

    /// <summary>Question and answer text of every pair, from the full export (checked against the gold file above).</summary>
    private async Task<Dictionary<(string, int), string>> AllPairs() =>
        (await corpus.Run(0, "export", "--format", "jsonl")).Output.Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(r => (r.GetProperty("docId").GetString()!, r.GetProperty("number").GetInt32()),
                r => $"{r.GetProperty("question").GetString()} {r.GetProperty("answer").GetString()}");

    // Any pair with the word itself must be found; a found pair must at least hold a word that starts like it
    // (the analyzer stems and splits compounds, so "regenboogprovincie" may match too).
    [GeneratedRegex(@"\b" + Word + @"\b", RegexOptions.IgnoreCase)]
    private static partial Regex WholeWord();

    [GeneratedRegex(Word, RegexOptions.IgnoreCase)]
    private static partial Regex WordStart();

    /// <summary>(official id, value) of one field of every PDF in the hand-checked gold file.</summary>
    private static Dictionary<string, int> GoldAskers()
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.Fixtures, "gold", "answers-gold.json"));
        using var gold = JsonDocument.Parse(stream);
        return gold.RootElement.GetProperty("documents").EnumerateArray()
            .Where(d => d.GetProperty("file").GetString()!.EndsWith(".pdf", StringComparison.Ordinal))
            .SelectMany(d => d.GetProperty("askers").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).Distinct())
            .GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
    }

    private static List<(string Id, string Value)> GoldValues(string field)
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.Fixtures, "gold", "answers-gold.json"));
        using var gold = JsonDocument.Parse(stream);
        return [.. gold.RootElement.GetProperty("documents").EnumerateArray()
            .Where(d => d.GetProperty("file").GetString()!.EndsWith(".pdf", StringComparison.Ordinal))
            .Select(d => (d.GetProperty("official_id").GetString()!, d.GetProperty(field).GetString()!))];
    }
}

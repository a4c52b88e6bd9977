using System.Net;
using System.Text.Json;
using SearchKamer.Domain;

namespace SearchKamer.Tests.Host;

/// <summary>Dossiers, open questions and statistics on the real host over the bundled corpus.</summary>
[Collection(HostCollection.Name)]
public sealed class DossierPageTests(HostFixture host)
{
    /// <summary>The oracle: every bundled file read on its own (<see cref="BundledCorpus"/>), grouped by its first zaak.</summary>
    private static IReadOnlyList<KamervraagDocument> Corpus => BundledCorpus.Documents;

    public static TheoryData<string> AnsweredPairs()
    {
        var data = new TheoryData<string>();
        foreach (var g in Corpus.Where(d => d.ZaakNumbers.Count > 0).GroupBy(d => d.ZaakNumbers[0]))
        {
            if (g.Any(d => d.Kind == DocumentKind.Vragen) && g.Any(d => d.Kind == DocumentKind.Antwoord))
            {
                data.Add(g.Key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AnsweredPairs))]
    public async Task A_bundled_question_set_and_its_answer_link_to_each_other(string zaak)
    {
        var docs = Corpus.Where(d => d.ZaakNumbers.FirstOrDefault() == zaak).ToList();
        var set = docs.First(d => d.Kind == DocumentKind.Vragen).OfficialId!.ToLowerInvariant();
        var answer = docs.First(d => d.Kind == DocumentKind.Antwoord).OfficialId!.ToLowerInvariant();

        var dossier = await host.Json("/api/dossiers/" + zaak.ToLowerInvariant());
        Assert.Equal(set, dossier.GetProperty("questionSetKey").GetString());
        Assert.Equal(answer, dossier.GetProperty("answerKey").GetString());

        Assert.Contains($"href=\"/document/{answer}\"", await host.Html("/document/" + set));
        Assert.Contains($"href=\"/document/{set}\"", await host.Html("/document/" + answer));
    }

    [Fact]
    public async Task The_question_set_page_shows_the_answer_per_question_and_the_timeline_with_days()
    {
        var html = await host.Html("/document/kv-tk-2024z18792");
        // The answer letter AH 605 answers questions 1 to 5 in one block ("Antwoord vragen 1,2,3,4 en 5"), received 20 November 2024.
        Assert.Contains("<section class=\"dossier\"", html);
        Assert.Contains("beantwoord na 1 dag", html);
        Assert.Contains("Antwoord op vragen 1, 2, 3, 4 en 5, beantwoord op 20 november 2024", html);
        Assert.Contains("Het kabinet heeft ervoor gekozen om in de begroting het ODA-budget niet te actualiseren", html);
    }

    [Fact]
    public async Task The_answer_letter_shows_the_inherited_subject_and_askers_marked_as_inherited()
    {
        var doc = await host.Json("/api/documents/ah-tk-20242025-605");
        var set = Corpus.Single(d => d.OfficialId == "kv-tk-2024Z18792");
        Assert.Equal(set.Subject, doc.GetProperty("subject").GetString());
        Assert.Equal(set.Askers.Single().Name, doc.GetProperty("askers")[0].GetProperty("name").GetString());
        Assert.Contains("onderwerp", doc.GetProperty("inherited").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("2024Z18792", doc.GetProperty("dossier").GetProperty("zaak").GetString());
        Assert.Contains("(overgenomen uit de vragen)", await host.Html("/document/ah-tk-20242025-605"));
    }

    [Fact]
    public async Task Search_hits_in_the_api_carry_the_state_of_their_dossier()
    {
        // The oracle, from the texts: 2024Z18792 asked on 19 November 2024 and answered by letter AH 605 the
        // next day; 2024Z18885 (De Ontbossingswet) asked on 20 November 2024, with no answer bundled.
        var nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");
        var asked = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(RepoPaths.CorpusFile("limburg", "De_Ontbossingswet.docx.txt")), @"ingezonden (\d+ \w+ \d{4})");
        var submitted = DateOnly.ParseExact(asked.Groups[1].Value, "d MMMM yyyy", nl);
        Assert.Contains("(ontvangen 20 november 2024)", File.ReadAllText(RepoPaths.CorpusFile("limburg", "Antwoord_op_vragen_van_het_lid_Boswijk_o.docx.txt")), StringComparison.Ordinal);
        Assert.Contains("(ingezonden 19 november 2024)", File.ReadAllText(RepoPaths.CorpusFile("limburg", "De_ontkoppeling_van_ontwikkelingshulp.pdf.txt")), StringComparison.Ordinal);

        var answered = (await host.Json("/api/search?indiener=Boswijk&size=100")).GetProperty("documents").EnumerateArray()
            .Single(d => d.GetProperty("id").GetString() == "ah-tk-20242025-605").GetProperty("dossier");
        Assert.Equal("2024Z18792", answered.GetProperty("zaak").GetString());
        Assert.Equal("beantwoord", answered.GetProperty("status").GetString());
        Assert.Equal(1, answered.GetProperty("days").GetInt32());
        Assert.False(answered.GetProperty("late").GetBoolean());
        Assert.Equal("beantwoord na 1 dag", answered.GetProperty("state").GetString());

        var open = (await host.Json("/api/search?q=Ontbossingswet&size=100")).GetProperty("documents").EnumerateArray()
            .Single(d => d.GetProperty("id").GetString() == "kv-tk-2024z18885").GetProperty("dossier");
        var days = DateOnly.FromDateTime(DateTime.Now).DayNumber - submitted.DayNumber;
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Equal(days, open.GetProperty("days").GetInt32());
        Assert.True(open.GetProperty("late").GetBoolean());
        Assert.Equal($"open sinds {days} dagen, te laat", open.GetProperty("state").GetString());
        Assert.Equal(submitted.AddDays(21).ToString("yyyy-MM-dd", nl), open.GetProperty("deadline").GetString());
    }

    [Theory]
    [InlineData("2025d36086", "ah-tk-20242025-2932")]
    [InlineData("2024z18792", "kv-tk-2024z18792")]
    public async Task Lower_case_ids_jump_to_their_document(string typed, string expected)
    {
        // The seed file is named 2025D36086 and is answer ah-tk-20242025-2932 (see index-data/corpus/README.md).
        var response = await host.Json("/api/search?q=" + typed);
        Assert.Equal(expected, response.GetProperty("shortcut").GetString());
    }

    [Fact]
    public async Task No_title_shown_anywhere_is_a_file_name()
    {
        var titles = new List<string>();
        for (var page = 1; page <= 2; page++)
        {
            var search = await host.Json($"/api/search?q=&size=100&page={page}");
            titles.AddRange(search.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("title").GetString()!));
        }

        Assert.True(titles.Count >= Corpus.Count - 3, $"only {titles.Count} documents");
        Assert.All(titles, t => Assert.False(t.Length == 0 || t.Contains("file:", StringComparison.OrdinalIgnoreCase), t));

        var html = await host.Html("/?q=antwoord&size=100");
        Assert.DoesNotContain(">file:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(onderwerp onbekend)", html, StringComparison.Ordinal);
        var feed = await host.Html("/feed?q=kabinet");
        Assert.DoesNotContain("<title>file:", feed, StringComparison.Ordinal);
        var inbox = await host.Html("/document/" + Uri.EscapeDataString(HostFixture.ScriptDocumentId));
        Assert.DoesNotContain("<h1>file:", inbox, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_questions_come_from_the_index_without_sync()
    {
        var report = await host.Json("/api/open-vragen");
        var answered = Corpus.Where(d => d.Kind == DocumentKind.Antwoord).SelectMany(d => d.ZaakNumbers).ToHashSet();
        var expected = Corpus.Where(d => d.Kind == DocumentKind.Vragen && d.ZaakNumbers.Count > 0 && !answered.Contains(d.ZaakNumbers[0]))
            .Select(d => d.ZaakNumbers[0]).Distinct().Order().ToList();

        var open = report.GetProperty("open").EnumerateArray().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, open.Select(o => o.GetProperty("zaak").GetString()!).Order().ToList());
        // Today is long after November 2024 + 21 days: every one of them is late.
        Assert.All(open, o => Assert.True(o.GetProperty("late").GetBoolean()));

        var html = await host.Html("/open-vragen");
        Assert.Contains("<link rel=\"stylesheet\" href=\"/site.css\">", html);
        Assert.Contains("<a href=\"/open-vragen\">Open vragen</a>", html);
        Assert.Contains($"{expected.Count} vraagstellingen open", html);
    }

    [Fact]
    public async Task Statistics_are_a_page_with_an_svg_chart_and_json_and_csv()
    {
        var html = await host.Html("/statistiek");
        Assert.Contains("<svg class=\"chart\"", html);
        // The chart needs no script: the page's only script is the site's own keyboard helper.
        Assert.Equal(["<script src=\"/site.js\" defer></script>"], System.Text.RegularExpressions.Regex.Matches(html, "<script[^>]*>[^<]*</script>").Select(m => m.Value));
        Assert.Contains("<a href=\"/statistiek\">Statistiek</a>", html);

        var json = await host.Json("/api/statistiek");
        var vws = json.GetProperty("perMinistry").EnumerateArray().Single(g => g.GetProperty("name").GetString() == "Volksgezondheid, Welzijn en Sport");
        Assert.True(vws.GetProperty("answered").GetInt32() > 0);

        using var csv = await host.Client.GetAsync("/api/statistiek?format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("groep,naam,beantwoord,mediaan_dagen,p90_dagen,aandeel_binnen_termijn,open,te_laat", await csv.Content.ReadAsStringAsync());

        // A period before any bundled question set holds nothing.
        var empty = await host.Json("/api/statistiek?van=2000-01-01&tot=2000-12-31");
        Assert.Empty(empty.GetProperty("perMinistry").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/statistiek?van=gisteren", "van")]
    [InlineData("/api/statistiek?tot=2024-13-01", "tot")]
    [InlineData("/api/statistiek?format=xls", "format")]
    [InlineData("/api/dossiers/%3Cscript%3E", "zaak")]
    public async Task Bad_parameters_get_a_400_that_names_them(string url, string parameter)
    {
        var body = await host.Json(url, HttpStatusCode.BadRequest);
        Assert.Equal(parameter, body.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_zaak_with_two_answers_is_shown_with_a_warning_not_an_error()
    {
        // The host's inbox holds a copy of letter AH 604 (zaak 2024Z18294) without its AH line: two answers to one zaak.
        var dossier = await host.Json("/api/dossiers/2024Z18294");
        Assert.Contains(dossier.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("2 antwoorden", StringComparison.Ordinal));
        Assert.Contains("Let op: 2 antwoorden", await host.Html("/document/ah-tk-20242025-604"));
        await host.Json("/api/dossiers/2099Z00001", HttpStatusCode.NotFound);
    }
}

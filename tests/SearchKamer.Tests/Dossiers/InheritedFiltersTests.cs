using System.Text.RegularExpressions;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.Tests.Dossiers;

/// <summary>
/// An answer letter that prints no askers ("AH 605 / 2024Z18792 / Antwoord van minister Klever …") is found by
/// the asker and party filters of its question set, whichever of the two was indexed first: inheritance
/// happens when documents are indexed, not when a result is read.
/// </summary>
public sealed partial class InheritedFiltersTests : IDisposable
{
    private const string QuestionSetFile = "De_ontkoppeling_van_ontwikkelingshulp.pdf.txt";
    private const string LetterFile = "Antwoord_op_vragen_van_het_lid_Boswijk_o.docx.txt";

    private readonly string _data = Directory.CreateTempSubdirectory("searchkamer-inherit-").FullName;

    [GeneratedRegex(@"Vragen van het lid (?<name>\S+) \((?<party>[^)]+)\)")]
    private static partial Regex Asked();

    [GeneratedRegex(@"^Vraag \d+\s*$", RegexOptions.Multiline)]
    private static partial Regex QuestionHeading();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Filtering_by_an_asker_or_party_of_the_question_set_finds_the_pairs_of_its_answer_letter(bool questionSetFirst)
    {
        // The oracle, from the documents' own text: who asked, and how many questions the letter answers.
        var asked = Asked().Match(File.ReadAllText(RepoPaths.CorpusFile("limburg", QuestionSetFile)));
        var letter = File.ReadAllText(RepoPaths.CorpusFile("limburg", LetterFile));
        Assert.True(asked.Success);
        Assert.DoesNotContain(asked.Groups["name"].Value, letter, StringComparison.Ordinal);
        var letterQuestions = QuestionHeading().Matches(letter).Count;
        Assert.True(letterQuestions > 0);

        using (var index = SearchIndex.OpenForWriting(Path.Combine(_data, "index")))
        {
            // Two runs, so the second document finds the first in the committed index, not among the pending ones.
            string[] order = questionSetFirst ? [QuestionSetFile, LetterFile] : [LetterFile, QuestionSetFile];
            foreach (var file in order)
            {
                IngestPipeline.Run(index, [RepoPaths.CorpusFile("limburg", file)], 1, _ => { });
            }

            var engine = new SearchEngine(index);
            foreach (var request in new[]
            {
                new SearchRequest { Askers = [asked.Groups["name"].Value], Size = 100 },
                new SearchRequest { Parties = [asked.Groups["party"].Value], Size = 100 },
            })
            {
                var response = engine.Search(request);
                var answer = Assert.Single(response.Documents, d => d.OfficialId == "ah-tk-20242025-605");
                Assert.Equal(letterQuestions, answer.Questions.Count);
                Assert.Contains(answer.Askers, a => a.Name == asked.Groups["name"].Value && a.Party == asked.Groups["party"].Value);
                Assert.Contains(response.Facets["asker"], f => f.Value == asked.Groups["name"].Value && f.Count == 2);
            }
        }
    }

    [Fact]
    public void Without_its_question_set_the_letter_has_no_askers_to_filter_on()
    {
        using var index = SearchIndex.OpenForWriting(Path.Combine(_data, "index"));
        IngestPipeline.Run(index, [RepoPaths.CorpusFile("limburg", LetterFile)], 1, _ => { });
        var asked = Asked().Match(File.ReadAllText(RepoPaths.CorpusFile("limburg", QuestionSetFile)));

        var response = new SearchEngine(index).Search(new SearchRequest { Askers = [asked.Groups["name"].Value] });

        Assert.DoesNotContain(response.Documents, d => d.OfficialId == "ah-tk-20242025-605");
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}

using System.Text.RegularExpressions;
using SearchKamer.Ingestion;
using SearchKamer.Ingestion.Extraction;

namespace SearchKamer.Tests.Ingestion.Extraction;

/// <summary>
/// The Limburg text of the question set 2024Z18792 was extracted from its PDF by another tool, which joined
/// the printed lines without a space ("uitgebreidgesproken", "meestijgenmet"). The answer letter AH 605, a
/// DOCX, prints the same questions with their spaces: the oracle for what the words are.
/// </summary>
public sealed partial class GluedWordsTests
{
    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();

    [Fact]
    public void The_question_set_of_2024Z18792_reads_the_words_its_answer_letter_prints()
    {
        var set = DocumentReader.Read(RepoPaths.CorpusFile("limburg", "De_ontkoppeling_van_ontwikkelingshulp.pdf.txt")).Document!;
        var letter = DocumentReader.Read(RepoPaths.CorpusFile("limburg", "Antwoord_op_vragen_van_het_lid_Boswijk_o.docx.txt")).Document!;
        var raw = File.ReadAllText(RepoPaths.CorpusFile("limburg", "De_ontkoppeling_van_ontwikkelingshulp.pdf.txt"));
        Assert.Contains("meestijgenmet", raw, StringComparison.Ordinal);

        foreach (var question in set.Questions)
        {
            var printed = Words(letter.Questions.Single(q => q.Number == question.Number).Question);
            // Line-end hyphenation ("ontwikkelings-\nhulp") is undone as in the PDF extractor, by the words the text prints elsewhere.
            // Left glued on purpose: "augustusbesluitvorming|en" reads like a plural, "uitgebreid|gesproken" like a
            // compound of two content words ("projectgerelateerde").
            string[] kept = ["augustusbesluitvormingen", "uitgebreidgesproken"];
            var unknown = Words(question.Question).Where(w => !printed.Contains(w) && !kept.Contains(w)).ToList();
            Assert.True(unknown.Count == 0, $"vraag {question.Number}: {string.Join(", ", unknown)}");
        }
    }

    [Fact]
    public void Text_that_kept_its_spaces_is_left_as_it_is()
    {
        // The Limburg texts of DOCX files were written by Word with every space in place: any split there is a false one.
        var files = Directory.GetFiles(RepoPaths.CorpusFile("limburg"), "*.docx.txt");
        Assert.NotEmpty(files);
        var split = files.SelectMany(File.ReadAllLines).SelectMany(l => Word().Matches(l))
            .Select(m => (m.Value, Split: GluedWords.Split(m.Value))).Where(x => x.Split is not null).Distinct().ToList();
        Assert.True(split.Count == 0, string.Join("; ", split.Select(x => $"{x.Value} → {x.Split}")));
    }

    [Theory]
    [InlineData("gesprokenis", "gesproken is")]
    [InlineData("meestijgenmet", "meestijgen met")]
    [InlineData("hetbesluit", "het besluit")]
    [InlineData("dehelderheid", "de helderheid")]
    [InlineData("debegrotingsbehandeling", "de begrotingsbehandeling")]
    [InlineData("uitvoeringsorganisatie", null)]
    [InlineData("vanOostenbruggen", "van Oostenbruggen")]
    [InlineData("beschouwingendoor", "beschouwingen door")]
    [InlineData("vanwoensdag", "van woensdag")]
    [InlineData("projectgerelateerde", null)]
    [InlineData("overdeclaratie", null)]
    [InlineData("oplevertijden", null)]
    [InlineData("Poetin", null)]
    [InlineData("overgeschreden", null)]
    [InlineData("literals", null)]
    [InlineData("rookgasafvoeren", null)]
    [InlineData("doorgebruiken", null)]
    [InlineData("ontwikkelingshulp", null)]
    public void A_word_is_split_only_at_a_function_word(string token, string? expected)
    {
        // Forms seen in the Limburg PDF texts ("Poetin" six times: a name, not "Poet in").
        Assert.Equal(expected, GluedWords.Split(token));
    }

    private static HashSet<string> Words(string text) =>
        Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet();
}

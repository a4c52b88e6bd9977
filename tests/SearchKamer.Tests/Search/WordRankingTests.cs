using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchKamer.Indexing;
using SearchKamer.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>
/// Issue 20 on a small index of real corpus phrasings: the written form ranks above another form of the word,
/// that above a compound holding it; apostrophe plurals and dotted tokens match both ways.
/// </summary>
public sealed class WordRankingTests : IDisposable
{
    private static readonly string[] Texts =
    [
        "Een atoommacht heeft geen garantie nodig.", // 0: compound part only
        "De machten van de staat zijn gescheiden.", // 1: another form (stem)
        "Dat ligt niet in de macht van de minister.", // 2: the word itself
        "De risico’s van mijnbouw en het schadebeeld.", // 3: typographic apostrophe plural
        "Er is geen risico voor omwonenden.", // 4: the bare word
        "De informatie staat op aanpakpiekbelasting.nl en op www.parlement.com.", // 5
        "Zie de uitspraak ECLI:NL:RVS:2024:3946 van de Raad van State.", // 6
        "Frankrijk en Oostenrijk zijn kansrijke partners.", // 7
        "Het Rijk betaalt de kosten.", // 8
        "Zelfstandigen zonder personeel (zzp'ers) en de ggd’en.", // 9: straight apostrophe
        "Zij krijgen ADL-hulpverlening thuis.", // 10: a compound after a hyphen
    ];

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    public WordRankingTests()
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, FieldAnalyzers.Index)))
        {
            foreach (var text in Texts)
            {
                writer.AddDocument(new Document
                {
                    new TextField(Fields.Answer, text, Field.Store.YES),
                    new TextField(Fields.AnswerExact, text, Field.Store.NO),
                });
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    [Fact]
    public void Written_form_ranks_above_stem_and_stem_above_compound_part()
    {
        Assert.Equal([2, 1, 0], Ranked("macht"));
    }

    [Theory]
    [InlineData("risico", new[] { 3, 4 })]
    [InlineData("risico's", new[] { 3, 4 })]
    [InlineData("risico’s", new[] { 3, 4 })]
    [InlineData("zzp", new[] { 9 })]
    [InlineData("ggd", new[] { 9 })]
    [InlineData("ggd'en", new[] { 9 })]
    public void Apostrophe_plurals_and_bare_words_find_each_other(string query, int[] expected)
    {
        Assert.Equal(expected.Order(), Ranked(query).Order());
    }

    [Theory]
    [InlineData("parlement", 5)]
    [InlineData("parlement.com", 5)]
    [InlineData("\"parlement com\"", 5)]
    [InlineData("aanpakpiekbelasting", 5)]
    [InlineData("aanpakpiekbelasting.nl", 5)]
    [InlineData("ECLI:NL:RVS:2024:3946", 6)]
    [InlineData("\"RVS 2024 3946\"", 6)]
    public void Dotted_and_colon_tokens_are_found_whole_and_by_parts(string query, int expected)
    {
        Assert.Equal([expected], Ranked(query));
    }

    [Fact]
    public void Rijk_does_not_find_Frankrijk_Oostenrijk_or_kansrijke()
    {
        Assert.Equal([8], Ranked("rijk"));
    }

    [Fact]
    public void A_compound_still_finds_its_parts_in_a_hyphenated_word()
    {
        // "ADL-hulp" is a phrase of two tokens; "hulp" stands there as a part of "hulpverlening".
        Assert.Equal([10], Ranked("ADL-hulp"));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private List<int> Ranked(string query)
    {
        var read = QueryReader.Read(query, SearchIn.Answer);
        return [.. _searcher.Search(read.Query!, 20).ScoreDocs.Select(d => d.Doc)];
    }
}

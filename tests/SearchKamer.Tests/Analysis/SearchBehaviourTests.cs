using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SearchKamer.Analysis;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Analysis;

/// <summary>
/// Queries against a small in-memory index built with the schema's analyzers: the reasons for
/// compound parts in the stemmed field and for the exact field beside it.
/// </summary>
public sealed class SearchBehaviourTests : IDisposable
{
    // Real corpus sentences; the first with "inhuur" made the compound "inhuurkosten".
    private static readonly string[] Texts =
    [
        "In 2024 bedroegen de totale uitgaven aan externe inhuurkosten 3,67 miljard euro.",
        "In lijn hiermee is op 18 juni door de VNG een resolutie aangenomen om de gemeentelijke digitalisering te collectiviseren.",
        "Het Rijk monitort de inhuur van externen door decentrale overheden niet.",
    ];

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly QueryBuilder _stemmed = new(FieldAnalyzers.Query);

    public SearchBehaviourTests()
    {
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, FieldAnalyzers.Index)))
        {
            for (var i = 0; i < Texts.Length; i++)
            {
                writer.AddDocument(new Document
                {
                    new StringField(Fields.DocId, i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
                    new TextField(Fields.Answer, Texts[i], Field.Store.NO),
                    new TextField(Fields.AnswerExact, Texts[i], Field.Store.NO),
                });
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    [Fact]
    public void Inhuur_finds_inhuurkosten_through_the_stemmed_field()
    {
        // Parts are terms of their own (ranked below the word itself), so the engine's word query asks for them.
        Assert.Equal(["0", "2"], Hits(SearchKamer.Search.WordRanking.Word("inhuur")!.Query(Fields.Answer)));
        Assert.Equal(["2"], Hits(_stemmed.CreateBooleanQuery(Fields.Answer, "inhuur")));
    }

    [Fact]
    public void Phrase_externe_inhuur_finds_externe_inhuurkosten()
    {
        Assert.Equal(["0"], Hits(SearchKamer.Search.WordRanking.WithParts(_stemmed.CreatePhraseQuery(Fields.Answer, "externe inhuur"))!));
    }

    [Fact]
    public void Prefix_gemeente_finds_gemeentelijke_only_through_the_exact_field()
    {
        Assert.Equal(["1"], Hits(new PrefixQuery(new Term(Fields.AnswerExact, "gemeente"))));

        // The stemmed field holds "gemeent": the reason the exact field exists.
        Assert.Empty(Hits(new PrefixQuery(new Term(Fields.Answer, "gemeente"))));
    }

    [Fact]
    public void Exact_phrase_matches_word_for_word()
    {
        var exact = new QueryBuilder(DutchAnalysis.Exact);

        Assert.Equal(["2"], Hits(exact.CreatePhraseQuery(Fields.AnswerExact, "de inhuur van externen")));
        Assert.Empty(Hits(exact.CreatePhraseQuery(Fields.AnswerExact, "de inhuur van externe")));
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private List<string> Hits(Query query) =>
        [.. _searcher.Search(query, 10).ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get(Fields.DocId)).Order(StringComparer.Ordinal)];
}

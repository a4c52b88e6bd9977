using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>
/// A record read for a results page holds the same metadata and the same texts of its shown pairs as the whole record,
/// for every record of the bundled corpus; the whole record, deserialised at once, is the oracle.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public sealed class ShownRecordTests(CorpusIndexFixture corpus)
{
    [Fact]
    public void Every_record_shows_its_metadata_and_exactly_the_asked_pairs_as_the_whole_record_holds_them()
    {
        var checkedRecords = 0;
        var withoutQuestions = 0;
        var withFootnotes = 0;
        corpus.Index.Read(searcher =>
        {
            foreach (var doc in Records(searcher))
            {
                var whole = StoredRecord.Load(searcher, doc).Document;
                var pairs = DocumentMapper.Pairs(whole);
                // The last pair, and the first when there are more: by distance before the record, as a page asks.
                int[] shownBack = pairs.Count > 1 ? [1, pairs.Count] : [1];

                var shown = StoredRecord.LoadShown(searcher, doc, shownBack);

                Assert.Equal(Json(whole with { Questions = [], Footnotes = [], Warnings = [] }), Json(shown.Header));
                Assert.Equal(whole.Questions.Count, shown.QuestionCount);
                Assert.Equal(pairs.Count, shown.Pairs.Count);
                for (var i = 0; i < pairs.Count; i++)
                {
                    var expected = shownBack.Contains(pairs.Count - i) ? JsonSerializer.Serialize(pairs[i], StoredJson.Options) : "null";
                    Assert.Equal(expected, JsonSerializer.Serialize(shown.Pairs[i], StoredJson.Options));
                }

                foreach (var back in shownBack)
                {
                    Assert.Equal(JsonSerializer.Serialize(pairs[pairs.Count - back], StoredJson.Options), JsonSerializer.Serialize(shown.Shown(back), StoredJson.Options));
                }

                checkedRecords++;
                withoutQuestions += whole.Questions.Count == 0 ? 1 : 0;
                withFootnotes += whole.Footnotes.Count > 0 ? 1 : 0;
            }

            return 0;
        });

        Assert.Equal(corpus.Documents.Count, checkedRecords);
        // The corpus has notices (one pair made of the notice) and documents with footnotes, so both ways are checked.
        Assert.True(withoutQuestions > 0, "geen document zonder vragen in het corpus");
        Assert.True(withFootnotes > 0, "geen document met voetnoten in het corpus");
    }

    [Fact]
    public void A_record_shows_no_pair_texts_when_none_are_asked()
    {
        corpus.Index.Read(searcher =>
        {
            var doc = Records(searcher).First();

            var shown = StoredRecord.LoadShown(searcher, doc, []);

            Assert.All(shown.Pairs, Assert.Null);
            Assert.Throws<InvalidOperationException>(() => shown.Shown(1));
            Assert.Equal(StoredRecord.Load(searcher, doc).Key, shown.Key);
            return 0;
        });
    }

    private static List<int> Records(IndexSearcher searcher)
    {
        var collector = new MatchingDocs();
        searcher.Search(new TermQuery(new Term(Fields.Level, Fields.LevelDoc)), collector);
        return [.. collector.Docs];
    }

    private static string Json(KamervraagDocument d) => JsonSerializer.Serialize(d, StoredJson.Options);
}

using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using SearchKamer.Indexing;
using SearchKamer.Ingestion;
using SearchKamer.Search;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Tests.Search;

/// <summary>
/// The words similar questions are chosen by. Oracle: a plain TermQuery over the live records, excluding the
/// current document, says whether another document holds the word in the same field.
/// </summary>
[Collection(CorpusIndexCollection.Name)]
public class SimilarWordsTests(CorpusIndexFixture corpus)
{
    [Fact]
    public void Every_chosen_word_stands_in_another_documents_pair_and_words_only_the_document_itself_uses_are_never_chosen()
    {
        var ownOnlyWordsSeen = 0;
        corpus.Index.Read(searcher =>
        {
            foreach (var doc in corpus.Documents)
            {
                var key = DocumentMapper.KeyOf(doc);
                var words = new SimilarQuestions.Words(searcher, key);
                foreach (var pair in DocumentMapper.Pairs(doc))
                {
                    foreach (var (field, text) in new[] { (Fields.Question, pair.Question), (Fields.Answer, DocumentMapper.AnswerOf(doc, pair)) })
                    {
                        var chosen = words.Specific(field, text).ToList();
                        Assert.All(chosen, w => Assert.True(OtherDocuments(searcher, field, w, key) > 0, $"{key} {pair.Number} {field}: '{w}' is in no other document"));
                        // Words of this text that the index holds only here: what the check must turn away.
                        var ownOnly = Tokens(field, text).Where(w => searcher.IndexReader.DocFreq(new Term(field, w)) > 0 && OtherDocuments(searcher, field, w, key) == 0).ToList();
                        ownOnlyWordsSeen += ownOnly.Count;
                        Assert.Empty(chosen.Intersect(ownOnly));
                    }
                }
            }

            return 0;
        });

        Assert.True(ownOnlyWordsSeen > 100, $"the corpus has words only one document uses ({ownOnlyWordsSeen})");
    }

    [Fact]
    public void Re_adding_a_document_many_times_does_not_change_the_similar_questions_of_any_document()
    {
        var data = Directory.CreateTempSubdirectory("searchkamer-similar-").FullName;
        try
        {
            using var index = SearchIndex.OpenForWriting(Path.Combine(data, "index"));
            IngestPipeline.Run(index, FileWalker.Expand([RepoPaths.Corpus], new List<string>()), Environment.ProcessorCount, _ => { });
            var engine = new SearchEngine(index);
            var documents = engine.All().Select(d => (Key: DocumentMapper.KeyOf(d), Number: DocumentMapper.Pairs(d)[0].Number)).ToList();
            var before = documents.Select(d => Similar(engine, d.Key, d.Number)).ToList();

            // The answer to the Limburg question set, replaced again and again: every old copy stays in its segment as a
            // deleted record until a merge, so raw counts of its words grow while the live index is the same.
            var answer = DocumentReader.Read(RepoPaths.CorpusFile("limburg", "Antwoord_op_vragen_van_het_lid_Boswijk_o.docx.txt")).Document!;
            for (var i = 0; i < 30; i++)
            {
                index.Upsert(answer, DateTimeOffset.UtcNow);
            }

            index.Commit();
            Assert.True(index.Read(s => s.IndexReader.NumDeletedDocs) > 0, "deleted records wait for a merge");

            Assert.Equal(before, documents.Select(d => Similar(engine, d.Key, d.Number)).ToList());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void A_document_that_shares_only_a_subject_word_is_among_the_similar_questions()
    {
        // Oracle: the index's own postings say which documents hold a chosen subject word on their record and none of the
        // chosen question and answer words in any pair; only the subject can bring those.
        var cases = corpus.Index.Read(searcher =>
        {
            var found = new List<(string Key, int Number, string Other)>();
            foreach (var doc in corpus.Documents)
            {
                var key = DocumentMapper.KeyOf(doc);
                var pair = DocumentMapper.Pairs(doc)[0];
                var words = new SimilarQuestions.Words(searcher, key);
                var subject = words.Specific(Fields.Subject, doc.Subject ?? "").ToList();
                var text = words.Specific(Fields.Question, pair.Question).Concat(words.Specific(Fields.Answer, DocumentMapper.AnswerOf(doc, pair))).ToList();
                foreach (var other in corpus.Documents.Select(DocumentMapper.KeyOf).Where(k => k != key))
                {
                    if (subject.Any(w => Holds(searcher, other, Fields.Subject, w)) &&
                        !text.Any(w => Holds(searcher, other, Fields.Question, w) || Holds(searcher, other, Fields.Answer, w)))
                    {
                        found.Add((key, pair.Number, other));
                    }
                }
            }

            return found;
        });

        Assert.True(cases.Count > 0, "the corpus has documents that share only a subject word");
        foreach (var (key, number, other) in cases)
        {
            Assert.Contains(other, corpus.Engine.Similar(key, number, corpus.Documents.Count)!.Select(h => h.Id));
        }
    }

    /// <summary>Whether document <paramref name="key"/> holds the word in the field, on its record or a pair (both carry its key).</summary>
    private static bool Holds(IndexSearcher searcher, string key, string field, string word) =>
        searcher.Search(new BooleanQuery { { new TermQuery(new Term(field, word)), Occur.MUST }, { new TermQuery(new Term(Fields.DocId, key)), Occur.MUST } }, 1).TotalHits > 0;

    private static string Similar(SearchEngine engine, string key, int number) =>
        key + " " + number + ": " + string.Join(", ", engine.Similar(key, number, 5)!.Select(h => h.Id));

    private static int OtherDocuments(IndexSearcher searcher, string field, string word, string key) =>
        searcher.Search(new BooleanQuery { { new TermQuery(new Term(field, word)), Occur.MUST }, { new TermQuery(new Term(Fields.DocId, key)), Occur.MUST_NOT } }, 1).TotalHits;

    private static HashSet<string> Tokens(string field, string text)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        using var stream = FieldAnalyzers.Query.GetTokenStream(field, text);
        var chars = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(chars.ToString());
        }

        stream.End();
        return tokens;
    }
}

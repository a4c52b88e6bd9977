using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// "Vergelijkbare vragen": pairs of other documents that share the specific words of this pair's question, its
/// answer and its document's subject. Each source picks its own words: Lucene's MoreLikeThis ranked the words of
/// question and answer together, so a long answer filled every place and a question set (no answer) matched its
/// own answer letter by one word or none, depending on how many deleted records the index still counted (issue 20).
/// </summary>
internal static class SimilarQuestions
{
    // Words in more than a twentieth of the pairs ("bericht", "bekend", "kunt", "aangeven") are the boilerplate
    // of every question set: they are left out, so the specific content words decide.
    private const int BoilerplatePercent = 5;

    private const int TermsPerSource = 12;

    private const int MinWordLength = 3;

    // A subject names what the whole set is about in a few words, so each of its words weighs more than one of the question's.
    private const float SubjectBoost = 2f;

    public static List<DocumentHit> Find(IndexSearcher searcher, int parentDoc, int number, int count)
    {
        var self = Documents.Load(searcher, parentDoc);
        var pairs = DocumentMapper.Pairs(self.Document);
        var index = pairs.Select(p => p.Number).ToList().IndexOf(number);
        if (index < 0)
        {
            return [];
        }

        var pair = pairs[index];
        var words = new Words(searcher, self.Key);
        var like = new BooleanQuery();
        foreach (var term in words.Specific(Fields.Question, pair.Question).Concat(words.Specific(Fields.Answer, DocumentMapper.AnswerOf(self.Document, pair))).Distinct())
        {
            // A word of the question may stand in another pair's answer, and the other way round.
            like.Add(new DisjunctionMaxQuery(0.1f) { new TermQuery(new Term(Fields.Question, term)), new TermQuery(new Term(Fields.Answer, term)) }, Occur.SHOULD);
        }

        foreach (var term in words.Specific(Fields.Subject, self.Document.Subject ?? ""))
        {
            like.Add(new RecordQuery(new TermQuery(new Term(Fields.Subject, term))) { Boost = SubjectBoost }, Occur.SHOULD);
        }

        return like.Clauses.Count == 0 ? [] : Collect(searcher, like, self.Key, count);
    }

    private static List<DocumentHit> Collect(IndexSearcher searcher, BooleanQuery like, string key, int count)
    {
        var query = new BooleanQuery
        {
            { like, Occur.MUST },
            { new TermQuery(new Term(Fields.Level, Fields.LevelPair)), Occur.MUST },
            { new TermQuery(new Term(Fields.DocId, key)), Occur.MUST_NOT },
        };

        // Scored on live counts, like the choice of words: deleted records left for a merge do not move the order.
        var hits = new LiveStatistics.Searcher(searcher.IndexReader).Search(query, count * 4).ScoreDocs;
        var parents = new Dictionary<int, PairHit>();
        foreach (var hit in hits)
        {
            var leaf = searcher.IndexReader.Leaves[ReaderUtil.SubIndex(hit.Doc, searcher.IndexReader.Leaves)];
            var parent = leaf.DocBase + ParentBits.For(leaf.AtomicReader).NextSetBit(hit.Doc - leaf.DocBase);
            parents.TryAdd(parent, new PairHit(hit.Doc, parent, hit.Score));
            if (parents.Count == count)
            {
                break;
            }
        }

        return parents.Values.Select(p => Documents.ToHit(Documents.LoadShown(searcher, p.Parent, [p]), [p], null)).ToList();
    }

    /// <summary>
    /// Picks the words of a text that say most about it in the index, leaving out the current document. Counts are
    /// of live records (<see cref="LiveStatistics"/>), so the words do not depend on what a merge has dropped yet.
    /// </summary>
    internal sealed class Words(IndexSearcher searcher, string key)
    {
        /// <summary>
        /// The rarest words of the text by tf·idf, each found in at least one live pair of another document:
        /// a word only this document uses (its own pairs repeat a combined answer) cannot find anything.
        /// Numbers are left out: years and amounts are shared by accident.
        /// </summary>
        public IEnumerable<string> Specific(string field, string text)
        {
            // The subject is on the document records alone, so its words are counted among those.
            var population = IndexSchema.IsDocumentOnly(field) ? LiveStatistics.Records(searcher.IndexReader) : Math.Max(1, LiveStatistics.Pairs(searcher.IndexReader));
            var maxDocFreq = Math.Max(2, population * BoilerplatePercent / 100);
            var candidates = new List<(string Term, double Score)>();
            foreach (var (term, tf) in Frequencies(field, text))
            {
                var df = LiveStatistics.DocFreq(searcher.IndexReader, new Term(field, term), maxDocFreq);
                if (df > 0 && df <= maxDocFreq)
                {
                    candidates.Add((term, tf * (Math.Log((double)population / (df + 1)) + 1)));
                }
            }

            return candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Term, StringComparer.Ordinal)
                .Select(c => c.Term).Where(t => ElsewhereToo(field, t)).Take(TermsPerSource).ToList();
        }

        /// <summary>
        /// Walks the term's live postings (GetTermDocsEnum skips deleted records) and stops at the first pair of
        /// another document (a search counted and scored every posting of the word, dozens of times per page view);
        /// the current document's own pairs are few.
        /// </summary>
        private bool ElsewhereToo(string field, string term)
        {
            var wanted = new Term(field, term);
            var own = new BytesRef(key);
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                if (leaf.AtomicReader.GetTermDocsEnum(wanted) is not { } docs || leaf.AtomicReader.GetSortedDocValues(Fields.DocId) is not { } keys)
                {
                    continue;
                }

                // The key is on the document record alone (an older index has it on the pairs too).
                var ownOrd = keys.LookupTerm(own);
                var records = ParentBits.For(leaf.AtomicReader);
                for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
                {
                    if (keys.GetOrd(records.NextSetBit(doc)) != ownOrd)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static Dictionary<string, int> Frequencies(string field, string text)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            using var stream = FieldAnalyzers.Query.GetTokenStream(field, text);
            var chars = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var term = chars.ToString();
                if (term.Length >= MinWordLength && !term.All(char.IsDigit))
                {
                    counts[term] = counts.GetValueOrDefault(term) + 1;
                }
            }

            stream.End();
            return counts;
        }
    }
}

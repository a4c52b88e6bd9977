using System.Globalization;
using Lucene.Net.Search;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

internal sealed record LoadedDocument(int Doc, string Key, KamervraagDocument Document);

/// <summary>A document record with the texts of the pairs a page shows (<see cref="ShownRecord"/>), at its doc id.</summary>
internal sealed record ShownDocument(int Doc, ShownRecord Record);

/// <summary>Reads document records back and shapes them into result entries.</summary>
internal static class Documents
{
    public static LoadedDocument Load(IndexSearcher searcher, int doc)
    {
        // What an answer inherits from its question set is in its record already (SearchIndex.Inheritance.cs).
        var read = StoredRecord.Load(searcher, doc);
        return new LoadedDocument(doc, read.Key, read.Document);
    }

    /// <summary>
    /// A pair of a loaded document by its doc id: a block is the pairs in order, then the record, so the
    /// pair's text comes from the record already read instead of a stored-fields read per pair.
    /// </summary>
    public static QuestionAnswer PairOf(LoadedDocument loaded, int pairDoc)
    {
        var pairs = DocumentMapper.Pairs(loaded.Document);
        return pairs[pairDoc - (loaded.Doc - pairs.Count)];
    }

    /// <summary>A document record read for a results page: only the texts of <paramref name="pairs"/> (pairs of that document).</summary>
    public static ShownDocument LoadShown(IndexSearcher searcher, int doc, IEnumerable<PairHit> pairs) =>
        new(doc, StoredRecord.LoadShown(searcher, doc, [.. pairs.Select(p => doc - p.Doc)]));

    public static DocumentHit ToHit(ShownDocument shown, IReadOnlyList<PairHit> pairs, Highlighter? highlighter)
    {
        var d = shown.Record.Header;
        var questions = pairs.Select(p =>
        {
            var pair = shown.Record.Shown(shown.Doc - p.Doc);
            var question = pair.Question;
            var answer = DocumentMapper.AnswerOf(d, pair);
            return new QuestionHit(pair.Number, p.Score,
                highlighter?.Snippet(Fields.Question, question, p.Doc) ?? SnippetMarkup.Escape(question),
                string.IsNullOrEmpty(answer) ? null : highlighter?.Snippet(Fields.Answer, answer, p.Doc) ?? SnippetMarkup.Escape(answer));
        }).ToList();
        return new DocumentHit(shown.Record.Key, Kinds.Name(d.Kind), d.OfficialId, d.DocumentNumber, d.Subject, d.DateSubmitted, d.DateReceived,
            d.Askers, d.Answerers, pairs.Count > 0 ? pairs[0].Score : 0f, questions)
        {
            Title = DocumentTitle.Of(d),
            Zaak = d.ZaakNumbers.FirstOrDefault(),
        };
    }
}

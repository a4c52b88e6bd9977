using System.Globalization;
using System.Text.Json;
using Lucene.Net.Search;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

internal sealed record LoadedDocument(int Doc, string Key, KamervraagDocument Document);

/// <summary>Reads document records back and shapes them into result entries.</summary>
internal static class Documents
{
    public static LoadedDocument Load(IndexSearcher searcher, int doc)
    {
        var stored = searcher.Doc(doc);
        var document = JsonSerializer.Deserialize<KamervraagDocument>(stored.Get(Fields.DocumentJson), StoredJson.Options)!;
        return new LoadedDocument(doc, stored.Get(Fields.DocId), document);
    }

    public static int NumberOf(IndexSearcher searcher, int pairDoc) =>
        int.Parse(searcher.Doc(pairDoc).Get(Fields.Number), CultureInfo.InvariantCulture);

    public static DocumentHit ToHit(IndexSearcher searcher, LoadedDocument loaded, IReadOnlyList<PairHit> pairs, Highlighter? highlighter)
    {
        var d = loaded.Document;
        var questions = pairs.Select(p =>
        {
            var stored = searcher.Doc(p.Doc);
            var number = int.Parse(stored.Get(Fields.Number), CultureInfo.InvariantCulture);
            var question = stored.Get(Fields.Question) ?? "";
            var answer = stored.Get(Fields.Answer);
            return new QuestionHit(number, p.Score,
                highlighter?.Snippet(Fields.Question, question) ?? System.Net.WebUtility.HtmlEncode(question),
                string.IsNullOrEmpty(answer) ? null : highlighter?.Snippet(Fields.Answer, answer) ?? System.Net.WebUtility.HtmlEncode(answer));
        }).ToList();
        return new DocumentHit(loaded.Key, Kinds.Name(d.Kind), d.OfficialId, d.DocumentNumber, d.Subject, d.DateSubmitted, d.DateReceived,
            d.Askers, d.Answerers, pairs.Count > 0 ? pairs[0].Score : 0f, questions);
    }
}

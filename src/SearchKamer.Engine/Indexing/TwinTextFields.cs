using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using SearchKamer.Analysis;

namespace SearchKamer.Indexing;

/// <summary>
/// A text indexed stemmed and exact (question, answer, subject) as two fields that share one tokenization
/// (<see cref="ExactTwin"/>): the stemmed field asks its chain to record the exact tokens, the exact field
/// replays them when they are of its text, and analyses the text itself otherwise.
/// </summary>
internal static class TwinTextFields
{
    public static Field Stemmed(string field, string text, Field.Store store) =>
        new StemmedField(field, text, store == Field.Store.YES ? TextField.TYPE_STORED : TextField.TYPE_NOT_STORED);

    public static Field Exact(string field, string text) => new ExactField(field, text);

    private sealed class StemmedField(string name, string text, FieldType type) : Field(name, text, type)
    {
        public override TokenStream GetTokenStream(Analyzer analyzer)
        {
            ExactTwin.Expect(GetStringValue());
            return base.GetTokenStream(analyzer);
        }
    }

    private sealed class ExactField(string name, string text) : Field(name, text, TextField.TYPE_NOT_STORED)
    {
        public override TokenStream GetTokenStream(Analyzer analyzer) =>
            ExactTwin.Replay(GetStringValue()) ?? base.GetTokenStream(analyzer);
    }
}

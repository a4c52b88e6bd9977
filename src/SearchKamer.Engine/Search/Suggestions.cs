using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Analysis;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// "Bedoelde u …?" for a search without hits: each word that occurs nowhere in the questions and answers is
/// replaced by the index's nearest word (fewest edits, then most documents); words that do occur stay as
/// typed, so a correct word is never "corrected". Runs only on zero hits, off the hot path.
/// </summary>
internal static partial class Suggestions
{
    private const int MaxEdits = 2;

    private static readonly string[] ExactFields = [Fields.QuestionExact, Fields.AnswerExact];

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")]
    private static partial Regex Word();

    public static string? For(IndexSearcher searcher, string query)
    {
        var reader = searcher.IndexReader;
        var changed = false;
        var suggestion = Word().Replace(query, m =>
        {
            var folded = UserQueryParser.Fold(m.Value);
            if (folded.Length < 3 || folded.Any(char.IsAsciiDigit) || Occurs(reader, m.Value, folded))
            {
                return m.Value;
            }

            var nearest = Nearest(reader, folded);
            changed |= nearest is not null;
            return nearest ?? m.Value;
        });
        return changed ? suggestion : null;
    }

    private static bool Occurs(IndexReader reader, string typed, string folded)
    {
        if (ExactFields.Any(f => reader.DocFreq(new Term(f, folded)) > 0))
        {
            return true;
        }

        // Another form of the word (stem) or a compound holding it also counts as a hit.
        return WordRanking.Word(typed) is { } w
            && new[] { Fields.Question, Fields.Answer }.Any(f => reader.DocFreq(new Term(f, w.Stem)) > 0 || reader.DocFreq(new Term(f, CompoundParts.Mark(w.Stem))) > 0);
    }

    private static string? Nearest(IndexReader reader, string word)
    {
        string? best = null;
        var bestEdits = int.MaxValue;
        var bestFreq = 0;
        foreach (var field in ExactFields)
        {
            if (MultiFields.GetTerms(reader, field) is not { } terms)
            {
                continue;
            }

            var fuzzy = new FuzzyTermsEnum(terms, new AttributeSource(), new Term(field, word), MaxEdits, 1, transpositions: true);
            while (fuzzy.MoveNext())
            {
                var candidate = fuzzy.Term.Utf8ToString();
                var edits = Edits(candidate, word);
                var freq = fuzzy.DocFreq;
                if (edits < bestEdits || (edits == bestEdits && freq > bestFreq))
                {
                    (best, bestEdits, bestFreq) = (candidate, edits, freq);
                }
            }
        }

        return best;
    }

    /// <summary>Optimal-string-alignment distance: a swapped pair of letters is one edit, as the enum counts it.</summary>
    private static int Edits(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

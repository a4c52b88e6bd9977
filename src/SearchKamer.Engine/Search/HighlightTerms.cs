using Lucene.Net.Search;
using Lucene.Net.Util.Automaton;
using SearchKamer.Analysis;

namespace SearchKamer.Search;

/// <summary>A run of query terms that must stand together (a phrase), with the positions the query gives them.</summary>
internal sealed record PhraseTerms(IReadOnlyList<IReadOnlySet<string>> Terms, int[] Positions, int Slop);

/// <summary>
/// What a query can match in one field, read once per search: plain terms, phrases, and tests for
/// expanding terms (prefix, wildcard, fuzzy, range). Expanding terms are tested against the words of
/// the shown text instead of being expanded against the index, which for a broad prefix costs more
/// than the search itself and, capped, could miss the very word on screen.
/// </summary>
internal sealed class FieldTerms
{
    public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);

    public List<PhraseTerms> Phrases { get; } = [];

    /// <summary>Every word of every phrase (asked once per token of a shown text).</summary>
    public HashSet<string> PhraseWords { get; } = new(StringComparer.Ordinal);

    public List<Func<string, bool>> Expanding { get; } = [];

    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0 && Expanding.Count == 0;

    /// <summary>Whether a token of this field is marked on its own (not only as part of a phrase).</summary>
    public bool Marks(string term)
    {
        if (Terms.Contains(term))
        {
            return true;
        }

        foreach (var test in Expanding)
        {
            if (test(term))
            {
                return true;
            }
        }

        return false;
    }

    public void AddPhrase(PhraseTerms phrase)
    {
        Phrases.Add(phrase);
        foreach (var alternatives in phrase.Terms)
        {
            PhraseWords.UnionWith(alternatives);
        }
    }
}

/// <summary>The <see cref="FieldTerms"/> of every field a query names; prohibited clauses are left out, as they never match.</summary>
internal static class HighlightTerms
{
    public static Dictionary<string, FieldTerms> Of(Query query)
    {
        var fields = new Dictionary<string, FieldTerms>(StringComparer.Ordinal);
        Walk(query, fields);
        return fields;
    }

    private static void Walk(Query query, Dictionary<string, FieldTerms> fields)
    {
        switch (query)
        {
            // The written form marks no token its stem does not (the same word, lower-cased and folded, has that
            // stem), and the nearness bonus only joins words already marked: both left out, a snippet's text is
            // analysed once instead of a second time with the exact chain.
            case WordQuery w:
                For(fields, w.Field).Terms.UnionWith([w.Word.Stem, CompoundParts.Mark(w.Word.Stem)]);
                break;
            case NearbyWordsQuery:
                break;
            case BooleanQuery b:
                foreach (var clause in b.Clauses.Where(c => c.Occur != Occur.MUST_NOT))
                {
                    Walk(clause.Query, fields);
                }

                break;
            case DisjunctionMaxQuery d:
                foreach (var q in d.Disjuncts)
                {
                    Walk(q, fields);
                }

                break;
            case TermQuery t:
                For(fields, t.Term.Field).Terms.Add(t.Term.Text);
                break;
            case PhraseQuery p when p.GetTerms() is { Length: > 0 } terms:
                For(fields, terms[0].Field).AddPhrase(new PhraseTerms(
                    terms.Select(t => (IReadOnlySet<string>)new HashSet<string>([t.Text], StringComparer.Ordinal)).ToList(), p.GetPositions(), p.Slop));
                break;
            case MultiPhraseQuery m when m.GetTermArrays() is { Count: > 0 } arrays && arrays[0].Length > 0:
                For(fields, arrays[0][0].Field).AddPhrase(new PhraseTerms(
                    arrays.Select(a => (IReadOnlySet<string>)a.Select(t => t.Text).ToHashSet(StringComparer.Ordinal)).ToList(), m.GetPositions(), m.Slop));
                break;
            case MultiTermQuery multi when Test(multi) is { } test:
                For(fields, multi.Field).Expanding.Add(test);
                break;
        }
    }

    private static Func<string, bool>? Test(MultiTermQuery query)
    {
        switch (query)
        {
            case PrefixQuery p:
                var prefix = p.Prefix.Text;
                return term => term.StartsWith(prefix, StringComparison.Ordinal);
            case WildcardQuery w:
                return new CharacterRunAutomaton(WildcardQuery.ToAutomaton(w.Term)).Run;
            case FuzzyQuery f:
                var text = f.Term.Text;
                var fixedPart = text[..Math.Min(f.PrefixLength, text.Length)];
                var around = new LevenshteinAutomata(text[fixedPart.Length..], f.Transpositions).ToAutomaton(f.MaxEdits);
                return new CharacterRunAutomaton(BasicOperations.Concatenate(BasicAutomata.MakeString(fixedPart), around)).Run;
            case TermRangeQuery r:
                var lower = r.LowerTerm?.Utf8ToString();
                var upper = r.UpperTerm?.Utf8ToString();
                return term =>
                    (lower is null || (r.IncludesLower ? string.CompareOrdinal(term, lower) >= 0 : string.CompareOrdinal(term, lower) > 0))
                    && (upper is null || (r.IncludesUpper ? string.CompareOrdinal(term, upper) <= 0 : string.CompareOrdinal(term, upper) < 0));
            default:
                return null;
        }
    }

    private static FieldTerms For(Dictionary<string, FieldTerms> fields, string field)
    {
        if (!fields.TryGetValue(field, out var terms))
        {
            fields[field] = terms = new FieldTerms();
        }

        return terms;
    }
}

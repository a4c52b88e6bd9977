using System.Text;
using System.Text.RegularExpressions;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using SearchKamer.Analysis;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <param name="Query">Null when nothing searchable is left (e.g. only punctuation).</param>
/// <param name="Relaxed">The input was not valid syntax and was read literally.</param>
internal sealed record ReadQuery(Query? Query, bool Relaxed, string? Notice);

/// <summary>
/// Reads any user input into a query without ever throwing: normalises quotes, expands
/// abbreviations, parses; on a syntax error escapes and parses again; stop-word-only input
/// is searched literally in the exact fields.
/// </summary>
internal static partial class QueryReader
{
    public const int MaxQueryLength = 1000;

    [GeneratedRegex("\"[^\"]*\"|[\\p{L}\\p{N}&]+")]
    private static partial Regex WordsAndPhrases();

    [GeneratedRegex(@"^[\p{L}\p{N}]+(\s+[\p{L}\p{N}]+)*$")]
    private static partial Regex OnlyWords();

    public static ReadQuery Read(string input, SearchIn searchIn, int maxExpansions = int.MaxValue)
    {
        var text = Normalise(input);
        if (text.Length == 0)
        {
            return new ReadQuery(new MatchAllDocsQuery(), false, null);
        }

        var fields = FieldAliases.TextFields(searchIn);
        var relaxed = false;
        Query? query;
        try
        {
            var expanded = WithSynonyms(text);
            var parser = new UserQueryParser(fields, maxExpansions);
            query = PlainWords(expanded) is { } words ? parser.ParseWords(words) : parser.Parse(expanded);
        }
        catch (Exception e) when (e is ParseException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            relaxed = true;
            query = ParseLiterally(text, fields, maxExpansions);
        }

        if (IsEmpty(query))
        {
            var literal = ExactTerms(text, fields);
            return literal is null
                ? new ReadQuery(null, relaxed, "De zoekvraag bevat geen doorzoekbare woorden.")
                : new ReadQuery(literal, relaxed, "Alleen veelvoorkomende woorden: letterlijk gezocht.");
        }

        query = Tuned(query!);
        return new ReadQuery(OnlyNegative(query) ? WithAll(query) : query, relaxed, null);
    }

    /// <summary>
    /// What a NOT excludes is only matched, never scored: its words drop their written-form clause, which
    /// finds no pair the stem does not, so "gemeente NOT belasting" reads half the postings of belasting.
    /// </summary>
    private static Query Tuned(Query query, bool excluded = false)
    {
        if (query is WordQuery word)
        {
            return excluded ? word.MatchOnly() : word;
        }

        if (query is WordAcrossQuery across)
        {
            return excluded ? across.MatchOnly() : across;
        }

        if (query is not BooleanQuery b || !Excludes(b, excluded))
        {
            return query;
        }

        var clauses = b.Clauses.Select(c => (Query: Tuned(c.Query, excluded || c.Occur == Occur.MUST_NOT), c.Occur)).ToList();
        return Rebuilt(b, clauses);
    }

    /// <summary>
    /// A boolean query of the same kind and boost as <paramref name="b"/> over new clauses: an either or alternatives
    /// query keeps its own scorer, and a plain one of a single required clause and excluded ones becomes an
    /// <see cref="ExceptQuery"/>.
    /// </summary>
    private static BooleanQuery Rebuilt(BooleanQuery b, List<(Query Query, Occur Occur)> clauses)
    {
        switch (b)
        {
            case EitherQuery when clauses.Count == 2:
                return new EitherQuery(clauses[0].Query, clauses[1].Query) { Boost = b.Boost };
            case AlternativesQuery:
                return new AlternativesQuery(clauses.Select(c => c.Query)) { Boost = b.Boost };
        }

        var plain = new BooleanQuery(b.CoordDisabled) { MinimumNumberShouldMatch = b.MinimumNumberShouldMatch, Boost = b.Boost };
        clauses.ForEach(c => plain.Add(c.Query, c.Occur));
        return ExceptQuery.Fits(plain) ? ExceptQuery.Of(plain) : plain;
    }

    private static bool Excludes(BooleanQuery b, bool excluded) =>
        excluded || b.Clauses.Any(c => c.Occur == Occur.MUST_NOT || (c.Query is BooleanQuery inner && Excludes(inner, false)));

    /// <summary>Smart quotes become straight ones; "/" would start a regex; an odd quote is closed.</summary>
    private static string Normalise(string input)
    {
        var s = input.Length > MaxQueryLength ? input[..MaxQueryLength] : input;
        s = s.Normalize(NormalizationForm.FormC)
            .Replace('“', '"').Replace('”', '"').Replace('„', '"').Replace('«', '"').Replace('»', '"')
            .Replace('‘', '\'').Replace('’', '\'')
            .Replace("/", " ", StringComparison.Ordinal);
        return s.Trim();
    }

    private static Query? ParseLiterally(string text, IReadOnlyList<string> fields, int maxExpansions)
    {
        var escaped = QueryParserBase.Escape(text.Replace("\"", " ", StringComparison.Ordinal))
            .Replace(" AND ", " and ", StringComparison.Ordinal).Replace(" OR ", " or ", StringComparison.Ordinal).Replace(" NOT ", " not ", StringComparison.Ordinal);
        try
        {
            return new UserQueryParser(fields, maxExpansions).Parse(escaped);
        }
        catch (ParseException)
        {
            return ExactTerms(text, fields);
        }
    }

    /// <summary>Every word must occur, unstemmed, in one of the exact fields (stop words included).</summary>
    private static Query? ExactTerms(string text, IReadOnlyList<string> fields)
    {
        var words = Regex.Matches(text, @"[\p{L}\p{N}]+").Select(m => UserQueryParser.Fold(m.Value)).Distinct().ToList();
        if (words.Count == 0)
        {
            return null;
        }

        var all = new BooleanQuery();
        foreach (var word in words)
        {
            var any = new BooleanQuery();
            foreach (var f in fields)
            {
                any.Add(new TermQuery(new Term(Fields.ExactOf(f), word)), Occur.SHOULD);
            }

            all.Add(any, Occur.MUST);
        }

        return all;
    }

    /// <summary>"BZK" also finds "Binnenlandse Zaken en Koninkrijksrelaties" and the other way round.</summary>
    private static string WithSynonyms(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return text;
        }

        return WordsAndPhrases().Replace(text, m =>
        {
            var bare = m.Value.Trim('"');
            if (bare is "AND" or "OR" or "NOT")
            {
                return m.Value;
            }

            var others = Synonyms.Expand(bare);
            return others.Count == 0 ? m.Value : $"({m.Value} OR {string.Join(" OR ", others.Select(o => $"\"{o}\""))})";
        });
    }

    /// <summary>The words of input without any syntax (no operators, quotes, fields or wildcards), else null.</summary>
    private static string[]? PlainWords(string text)
    {
        if (!OnlyWords().IsMatch(text))
        {
            return null;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Any(w => w is "AND" or "OR" or "NOT") ? null : words;
    }

    private static bool IsEmpty(Query? q) => q is null || (q is BooleanQuery b && b.Clauses.Count == 0);

    private static bool OnlyNegative(Query q) =>
        q is BooleanQuery b && b.Clauses.Count > 0 && b.Clauses.All(c => c.Occur == Occur.MUST_NOT);

    private static Query WithAll(Query negative)
    {
        var b = (BooleanQuery)negative.Clone();
        b.Add(new MatchAllDocsQuery(), Occur.MUST);
        return b;
    }
}

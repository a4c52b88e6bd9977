using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Util;
using SearchKamer.Indexing;
using Fields = SearchKamer.Indexing.Fields;

namespace SearchKamer.Search;

/// <summary>
/// The classic syntax (AND by default, OR, NOT/-, "phrase"~N, prefix*, fields) with our routing:
/// bare words go to the stemmed fields, quoted phrases, prefix, wildcard and fuzzy terms to the
/// exact fields, and Dutch field names to their index fields. Not thread-safe: one per query.
/// </summary>
internal sealed class UserQueryParser : QueryParser
{
    private static readonly HashSet<string> IndexFields =
    [
        Fields.Question, Fields.Answer, Fields.Subject, Fields.QuestionExact, Fields.AnswerExact, Fields.SubjectExact,
        Fields.AskerText, Fields.PartyText, Fields.MinisterText, Fields.MinistryText,
    ];

    private readonly IReadOnlyList<string> _textFields;
    private readonly BoundedRewrite _bounded;

    public UserQueryParser(IReadOnlyList<string> textFields, int maxExpansions = int.MaxValue)
        : base(LuceneVersion.LUCENE_48, FieldAliases.Default, FieldAnalyzers.Query)
    {
        _textFields = textFields;
        _bounded = new BoundedRewrite(maxExpansions);
        DefaultOperator = AND_OPERATOR;
        AutoGeneratePhraseQueries = true;
        AllowLeadingWildcard = false;
        Locale = System.Globalization.CultureInfo.InvariantCulture;
        MultiTermRewriteMethod = MultiTermQuery.CONSTANT_SCORE_AUTO_REWRITE_DEFAULT;
    }

    /// <summary>
    /// Plain words, built clause by clause exactly as the parser would (all must match; a lone first
    /// word is its own query). The generated parser signals lookahead and end of input by throwing,
    /// which in .NET cost more per search than finding the words in a million pairs.
    /// </summary>
    public Query? ParseWords(IReadOnlyList<string> words)
    {
        var queries = words.Select(w => GetFieldQuery(Field, w, quoted: false)).ToList();
        var clauses = queries.OfType<Query>().ToList();
        if (clauses.Count == 1 && queries[0] is not null)
        {
            return queries[0];
        }

        var all = new BooleanQuery(disableCoord: true);
        foreach (var clause in clauses)
        {
            all.Add(clause, Occur.MUST);
        }

        // Stop-word-only input stays empty (searched literally by the caller); one word has nothing to be near.
        foreach (var near in clauses.Count < 2 ? [] : WordRanking.Proximity(_textFields, words))
        {
            all.Add(near, Occur.SHOULD);
        }

        return all;
    }

    /// <summary>"a OR b OR …" with a word in it, and a word with its synonyms, which the reader writes so: <see cref="AlternativesQuery"/>.</summary>
    protected override Query GetBooleanQuery(IList<BooleanClause> clauses, bool disableCoord) =>
        !disableCoord && AlternativesQuery.Fits(clauses)
            ? new AlternativesQuery(clauses.Select(c => c.Query))
            : base.GetBooleanQuery(clauses, disableCoord);

    protected override Query GetFieldQuery(string field, string queryText, bool quoted) =>
        !quoted && WordRanking.Targets(field, _textFields) is { } targets && WordRanking.Word(queryText) is { } word
            ? (targets.Count == 1 ? RecordQuery.ForPairs(targets[0], word.Query(targets[0])) : new WordAcrossQuery(targets, word))
            : Across(field, quoted, f => WordRanking.WithParts(base.GetFieldQuery(f, queryText, quoted)));

    protected override Query GetFieldQuery(string field, string queryText, int slop) =>
        Across(field, exact: true, f => base.GetFieldQuery(f, queryText, slop));

    protected override Query GetPrefixQuery(string field, string termStr) =>
        Across(field, exact: true, f => new PrefixQuery(new Term(f, Fold(termStr))) { MultiTermRewriteMethod = _bounded });

    protected override Query GetWildcardQuery(string field, string termStr) =>
        termStr.Trim('*', '?').Length == 0
            ? new MatchAllDocsQuery()
            : Across(field, exact: true, f => new WildcardQuery(new Term(f, Fold(termStr))) { MultiTermRewriteMethod = _bounded });

    // The base builds a FuzzyQuery whose rewrite keeps only its best 50 terms: bounded already.
    protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
        Across(field, exact: true, f => base.GetFuzzyQuery(f, Fold(termStr), minSimilarity));

    // Regular expressions are not part of our syntax; the caller escapes "/", this is a second guard.
    protected override Query GetRegexpQuery(string field, string termStr) =>
        GetFieldQuery(field, termStr, quoted: false);

    /// <summary>Lower-case and ASCII-fold a term the analyzer never sees (prefix, wildcard, fuzzy).</summary>
    internal static string Fold(string term)
    {
        var lower = term.ToLowerInvariant().ToCharArray();
        var output = new char[lower.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(lower, 0, output, 0, lower.Length);
        return new string(output, 0, length);
    }

    private Query Across(string field, bool exact, Func<string, Query?> build)
    {
        var targets = field == FieldAliases.Default
            ? _textFields
            : IndexFields.Contains(field) ? [field] // the base parser calls back with the index field it was given
            : [FieldAliases.Resolve(field) ?? throw new ParseException($"onbekend veld \"{field}:\"")];
        return Combine(targets.Select(f => build(exact ? Fields.ExactOf(f) : f) is { } q ? RecordQuery.ForPairs(f, q) : null).OfType<Query>().ToList());
    }

    private static Query Combine(List<Query> queries)
    {
        if (queries.Count <= 1)
        {
            return queries.FirstOrDefault()!;
        }

        if (queries.Count == 2)
        {
            return new EitherQuery(queries[0], queries[1]);
        }

        var any = new BooleanQuery();
        foreach (var q in queries)
        {
            any.Add(q, Occur.SHOULD);
        }

        return any;
    }
}

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SearchKamer.Search;

/// <summary>
/// The docs of a segment in which any of a set of terms occurs, as a bit set read straight from the terms'
/// postings (doc ids only: no frequencies, no positions, no scorer taking the least doc of all terms per doc).
/// </summary>
internal static class TermDocBits
{
    /// <summary>The terms of a query that matches a doc exactly when one of them occurs in it; null for any other query.</summary>
    public static List<Term>? TermsOfDisjunction(Query query)
    {
        switch (query)
        {
            case TermQuery t:
                return [t.Term];
            case BooleanQuery b when b.MinimumNumberShouldMatch == 0 && b.Clauses.All(c => c.Occur == Occur.SHOULD):
                var terms = new List<Term>();
                foreach (var clause in b.Clauses)
                {
                    if (TermsOfDisjunction(clause.Query) is not { } inner)
                    {
                        return null;
                    }

                    terms.AddRange(inner);
                }

                return terms;
            default:
                return null;
        }
    }

    /// <summary>How many docs hold each term, summed: what reading their postings costs.</summary>
    public static long Cost(IndexReader reader, IEnumerable<Term> terms) => terms.Sum(t => (long)reader.DocFreq(t));

    public static FixedBitSet Read(AtomicReader reader, IEnumerable<Term> terms)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        foreach (var docs in Open(reader, terms))
        {
            bits.Or(docs);
        }

        return bits;
    }

    /// <summary>The doc ids of each term that occurs in the segment, live or deleted, without frequencies.</summary>
    public static DocIdSetIterator[] Open(AtomicReader reader, IEnumerable<Term> terms)
    {
        var opened = new List<DocIdSetIterator>();
        foreach (var field in terms.GroupBy(t => t.Field))
        {
            if (reader.GetTerms(field.Key)?.GetEnumerator() is not { } termsEnum)
            {
                continue;
            }

            foreach (var term in field)
            {
                if (termsEnum.SeekExact(term.Bytes))
                {
                    opened.Add(termsEnum.Docs(null, null, DocsFlags.NONE));
                }
            }
        }

        return [.. opened];
    }
}

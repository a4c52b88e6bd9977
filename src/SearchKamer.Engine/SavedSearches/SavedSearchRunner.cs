using SearchKamer.Search;

namespace SearchKamer.SavedSearches;

/// <summary>
/// Runs saved search states. The state is the search page's query string; reading it is the host's
/// business (one parser for page, API and saved searches), so it comes in as <paramref name="parseState"/>.
/// </summary>
public sealed class SavedSearchRunner(SearchEngine engine, Func<string, SearchRequest> parseState)
{
    /// <summary>The saved state as a request; page and size in the state are ignored.</summary>
    /// <exception cref="SearchRequestException">The state no longer reads as a search.</exception>
    public SearchRequest Request(string state) => parseState(state) with { Page = 1, Size = 10 };

    public SearchResponse Run(SavedSearch search, int page = 1, int size = 10, SortOrder? sort = null, DateTimeOffset? ingestedAfter = null)
    {
        var request = Request(search.State);
        return engine.Search(request with { Page = page, Size = size, Sort = sort ?? request.Sort, IngestedAfter = ingestedAfter });
    }

    /// <summary>"N nieuw sinds uw laatste bezoek": documents ingested after the last visit that match; null when the state is broken.</summary>
    public int? NewSinceVisit(SavedSearch search)
    {
        try
        {
            return Run(search, size: 1, ingestedAfter: search.LastVisit).TotalDocuments;
        }
        catch (SearchRequestException)
        {
            return null;
        }
    }

    /// <summary>Every document matching <paramref name="search"/> among those ingested after <paramref name="after"/>.</summary>
    public IEnumerable<DocumentHit> AllNew(SavedSearch search, DateTimeOffset after)
    {
        for (var page = 1; ; page++)
        {
            var response = Run(search, page, SearchRequest.MaxPageSize, SortOrder.Newest, after);
            foreach (var hit in response.Documents)
            {
                yield return hit;
            }

            if (response.Documents.Count == 0 || page * SearchRequest.MaxPageSize >= response.TotalDocuments)
            {
                yield break;
            }
        }
    }
}

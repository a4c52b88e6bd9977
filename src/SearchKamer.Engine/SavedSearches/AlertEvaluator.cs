using System.Net;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.SavedSearches;

/// <param name="Complete">False when the round's time ran out: the next round goes on where this one stopped.</param>
public sealed record EvaluationResult(int NewDocuments, int NewAlerts, IReadOnlyList<string> Problems, bool Complete = true);

/// <summary>
/// Turns newly ingested documents into outbox rows: every saved search runs restricted to documents
/// ingested since the last evaluation (and since the search was made), follows match by zaak number.
/// Idempotent by construction, so running it after every ingest and again on a timer is safe.
/// Each search waits for a slot of the search gate like a visitor's, and a round stops after
/// <see cref="SavedSearchLimits.EvaluationRound"/>: a pass over many saved searches takes several rounds,
/// on the same documents, and the watermark moves only when the pass is complete.
/// </summary>
public sealed class AlertEvaluator(SearchIndex index, SavedSearchRunner runner, Users users, SavedSearchStore searches, Follows follows,
    AlertStore alerts, AlertChannels channels, TimeProvider clock, ISearchSlots slots, SavedSearchLimits limits)
{
    private readonly Lock _gate = new();
    private Pass? _pass;

    public EvaluationResult Evaluate()
    {
        // One evaluation at a time: the ingest hook and the timer may fire together.
        lock (_gate)
        {
            if (_pass is null)
            {
                var after = alerts.Watermark();
                var fresh = NewDocuments.Since(index, after);
                if (fresh.Count == 0)
                {
                    return new EvaluationResult(0, 0, []);
                }

                _pass = new Pass(after, fresh.ToDictionary(d => d.Key));
            }

            var pass = _pass;
            if (!RunSearches(pass))
            {
                return new EvaluationResult(pass.Fresh.Count, 0, [], Complete: false);
            }

            _pass = null;
            return Finish(pass);
        }
    }

    /// <summary>Runs the pass's remaining saved searches in id order until the round's time is up; true when all ran.</summary>
    private bool RunSearches(Pass pass)
    {
        var started = clock.GetTimestamp();
        var ran = 0;
        foreach (var search in searches.All().Where(s => s.Id >= pass.NextSearch).OrderBy(s => s.Id))
        {
            // At least one search per round, so a pass always gets on however small the budget.
            if (ran++ > 0 && clock.GetElapsedTime(started) > limits.EvaluationRound)
            {
                return false;
            }

            try
            {
                var hits = slots.Run(() => runner.AllNew(search, Max(pass.After, search.CreatedAt)).Where(h => pass.Fresh.ContainsKey(h.Id)).ToList());
                foreach (var hit in hits)
                {
                    Add(pass.Found, new Candidate(search.UserId, pass.Fresh[hit.Id], hit, $"zoekopdracht “{search.Name}”{Updated(pass.Fresh[hit.Id])}", search.Interval, [search.Id]));
                }
            }
            catch (SearchRequestException e)
            {
                pass.Problems.Add($"zoekopdracht {search.Id}: {e.Message}");
            }

            pass.NextSearch = search.Id + 1;
        }

        return true;
    }

    private EvaluationResult Finish(Pass pass)
    {
        var found = pass.Found;
        var fresh = pass.Fresh.Values;
        var followed = fresh.Where(d => d.Kind != Kinds.Name(DocumentKind.Vragen))
            .SelectMany(d => d.ZaakNumbers.SelectMany(follows.ForZaak).Where(f => f.CreatedAt < d.IngestedAt).Select(f => (Doc: d, Follow: f)))
            .ToList();
        // Whole documents only for what someone will be told about.
        var documents = NewDocuments.Load(index, found.Values.Select(c => c.Doc.Key).Concat(followed.Select(x => x.Doc.Key)));
        foreach (var (doc, follow) in followed.Where(x => documents.ContainsKey(x.Doc.Key)))
        {
            Add(found, new Candidate(follow.UserId, doc, null, $"u volgt {follow.Label}: {doc.Change ?? WhatHappened(documents[doc.Key])}", AlertInterval.Live, []));
        }

        var owners = users.All().ToDictionary(u => u.Id);
        var now = clock.GetUtcNow();
        var rows = found.Values.Where(c => owners.ContainsKey(c.UserId) && documents.ContainsKey(c.Doc.Key)).Select(c =>
        {
            var d = documents[c.Doc.Key];
            return new NewAlert(c.UserId, c.Doc.Key, Kinds.Name(d.Kind), DocumentTitle.Of(d), d.DateReceived ?? d.DateSubmitted,
                c.Hit is null ? Excerpt(d) : Snippet(c.Hit, d), c.Reason, channels.For(owners[c.UserId]), Intervals.NextSlot(c.Interval, now), c.Searches);
        });
        var inserted = alerts.Record(rows.ToList(), fresh.Max(d => d.IngestedAt));
        return new EvaluationResult(pass.Fresh.Count, inserted, pass.Problems);
    }

    /// <summary>Several searches (or a follow) matching one document make one alert: reasons joined, the most urgent interval kept.</summary>
    private static void Add(Dictionary<(long, string), Candidate> found, Candidate c)
    {
        var key = (c.UserId, c.Doc.Key);
        found[key] = found.TryGetValue(key, out var seen)
            ? seen with { Reason = seen.Reason + "; " + c.Reason, Interval = (AlertInterval)Math.Min((int)seen.Interval, (int)c.Interval), Searches = [.. seen.Searches, .. c.Searches] }
            : c;
    }

    private static string Updated(IngestedDocument d) => d.Change is { } change ? $" (bijgewerkt: {change})" : "";

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static string WhatHappened(KamervraagDocument d) => d.Kind switch
    {
        DocumentKind.Antwoord => "beantwoord",
        DocumentKind.NaderAntwoord => "nader antwoord",
        _ => d.NoticeKind switch
        {
            NoticeKind.Uitstel => "uitstel van beantwoording",
            NoticeKind.Ingetrokken => "ingetrokken",
            NoticeKind.BeantwoordPerBrief => "beantwoord per brief",
            _ => "mededeling",
        },
    };

    /// <summary>The highlighted passage where the match is; an answer's match says more than its question.</summary>
    private static string Snippet(DocumentHit hit, KamervraagDocument doc)
    {
        var q = hit.Questions.FirstOrDefault();
        var marked = new[] { q?.Answer, q?.Question }.FirstOrDefault(s => s?.Contains("<mark>", StringComparison.Ordinal) == true);
        return marked ?? Excerpt(doc);
    }

    private static string Excerpt(KamervraagDocument d)
    {
        var text = d.Notice ?? d.Questions.Select(q => q.Answer ?? q.Question).FirstOrDefault() ?? d.Subject ?? "";
        return WebUtility.HtmlEncode(text.Length > 300 ? text[..300] + "…" : text);
    }

    /// <summary>One evaluation over a fixed set of fresh documents, possibly spread over several rounds.</summary>
    private sealed class Pass(DateTimeOffset after, Dictionary<string, IngestedDocument> fresh)
    {
        public DateTimeOffset After { get; } = after;

        public Dictionary<string, IngestedDocument> Fresh { get; } = fresh;

        public Dictionary<(long User, string Key), Candidate> Found { get; } = [];

        public List<string> Problems { get; } = [];

        public long NextSearch { get; set; } = long.MinValue;
    }

    /// <param name="Hit">The saved search's hit; null for a follow.</param>
    /// <param name="Searches">The saved searches that matched; empty for a follow.</param>
    private sealed record Candidate(long UserId, IngestedDocument Doc, DocumentHit? Hit, string Reason, AlertInterval Interval, IReadOnlyList<long> Searches);
}

/// <summary>Which channels a user's alerts go out on: e-mail when SMTP is configured, wanted and the address confirmed; webhook when set.</summary>
public sealed class AlertChannels(bool smtpConfigured)
{
    public const string Email = "email";
    public const string Webhook = "webhook";

    public IReadOnlyList<string> For(User user) =>
        [.. smtpConfigured && user.EmailAlerts && user.Confirmed ? [Email] : Array.Empty<string>(), .. user.WebhookUrl is null ? [] : new[] { Webhook }];
}

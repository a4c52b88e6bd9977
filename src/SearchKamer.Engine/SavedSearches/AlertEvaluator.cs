using System.Net;
using SearchKamer.Domain;
using SearchKamer.Indexing;
using SearchKamer.Search;

namespace SearchKamer.SavedSearches;

public sealed record EvaluationResult(int NewDocuments, int NewAlerts, IReadOnlyList<string> Problems);

/// <summary>
/// Turns newly ingested documents into outbox rows: every saved search runs restricted to documents
/// ingested since the last evaluation (and since the search was made), follows match by zaak number.
/// Idempotent by construction, so running it after every ingest and again on a timer is safe.
/// </summary>
public sealed class AlertEvaluator(SearchIndex index, SavedSearchRunner runner, Users users, SavedSearchStore searches, Follows follows,
    AlertStore alerts, AlertChannels channels, TimeProvider clock)
{
    private readonly Lock _gate = new();

    public EvaluationResult Evaluate()
    {
        // One evaluation at a time: the ingest hook and the timer may fire together.
        lock (_gate)
        {
            var after = alerts.Watermark();
            var fresh = NewDocuments.Since(index, after);
            if (fresh.Count == 0)
            {
                return new EvaluationResult(0, 0, []);
            }

            var byKey = fresh.ToDictionary(d => d.Key);
            var found = new Dictionary<(long User, string Key), Candidate>();
            var problems = new List<string>();
            foreach (var search in searches.All())
            {
                try
                {
                    foreach (var hit in runner.AllNew(search, Max(after, search.CreatedAt)).Where(h => byKey.ContainsKey(h.Id)))
                    {
                        Add(found, new Candidate(search.UserId, byKey[hit.Id], hit, $"zoekopdracht “{search.Name}”", search.Interval));
                    }
                }
                catch (SearchRequestException e)
                {
                    problems.Add($"zoekopdracht {search.Id}: {e.Message}");
                }
            }

            var followed = fresh.Where(d => d.Kind != Kinds.Name(DocumentKind.Vragen))
                .SelectMany(d => d.ZaakNumbers.SelectMany(follows.ForZaak).Where(f => f.CreatedAt < d.IngestedAt).Select(f => (Doc: d, Follow: f)))
                .ToList();
            // Whole documents only for what someone will be told about.
            var documents = NewDocuments.Load(index, found.Values.Select(c => c.Doc.Key).Concat(followed.Select(x => x.Doc.Key)));
            foreach (var (doc, follow) in followed.Where(x => documents.ContainsKey(x.Doc.Key)))
            {
                Add(found, new Candidate(follow.UserId, doc, null, $"u volgt {follow.Label}: {WhatHappened(documents[doc.Key])}", AlertInterval.Live));
            }

            var owners = users.All().ToDictionary(u => u.Id);
            var now = clock.GetUtcNow();
            var rows = found.Values.Where(c => owners.ContainsKey(c.UserId) && documents.ContainsKey(c.Doc.Key)).Select(c =>
            {
                var d = documents[c.Doc.Key];
                return new NewAlert(c.UserId, c.Doc.Key, Kinds.Name(d.Kind), DocumentTitle.Of(d), d.DateReceived ?? d.DateSubmitted,
                    c.Hit is null ? Excerpt(d) : Snippet(c.Hit, d), c.Reason, channels.For(owners[c.UserId]), Intervals.NextSlot(c.Interval, now));
            });
            var inserted = alerts.Record(rows.ToList(), fresh.Max(d => d.IngestedAt));
            return new EvaluationResult(fresh.Count, inserted, problems);
        }
    }

    /// <summary>Several searches (or a follow) matching one document make one alert: reasons joined, the most urgent interval kept.</summary>
    private static void Add(Dictionary<(long, string), Candidate> found, Candidate c)
    {
        var key = (c.UserId, c.Doc.Key);
        found[key] = found.TryGetValue(key, out var seen)
            ? seen with { Reason = seen.Reason + "; " + c.Reason, Interval = (AlertInterval)Math.Min((int)seen.Interval, (int)c.Interval) }
            : c;
    }

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

    /// <param name="Hit">The saved search's hit; null for a follow.</param>
    private sealed record Candidate(long UserId, IngestedDocument Doc, DocumentHit? Hit, string Reason, AlertInterval Interval);
}

/// <summary>Which channels a user's alerts go out on: e-mail when SMTP is configured and wanted, webhook when set.</summary>
public sealed class AlertChannels(bool smtpConfigured)
{
    public const string Email = "email";
    public const string Webhook = "webhook";

    public IReadOnlyList<string> For(User user) =>
        [.. smtpConfigured && user.EmailAlerts ? [Email] : Array.Empty<string>(), .. user.WebhookUrl is null ? [] : new[] { Webhook }];
}

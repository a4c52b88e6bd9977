using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using SearchKamer.Host.Services;
using SearchKamer.SavedSearches;
using SearchKamer.Search;
using SearchKamer.Storage;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>Wires accounts, saved searches, follows, feeds and alerts into the host.</summary>
public static class SavedSearchSetup
{
    public static void AddSavedSearches(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SearchKamerOptions.Section);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new Pages.SignedInVisitor(ctx => Auth.Visitor(ctx, sp.GetRequiredService<Users>())?.Email));
        services.AddSingleton(new Pages.DocumentFollow(FollowButton.Render));
        services.AddSingleton<IngestNotifier>();
        services.AddSingleton(section.GetSection("Alerts").Get<AlertsOptions>() ?? new AlertsOptions());
        services.AddSingleton(section.GetSection("Smtp").Get<SmtpSettings>() ?? new SmtpSettings());
        services.AddSingleton(PublicLinks(section["PublicUrl"]));
        services.AddSingleton(section.GetSection("Limits").Get<SavedSearchLimits>() ?? new SavedSearchLimits());
        services.AddSingleton(new WebhookTargets(section.GetSection("Webhooks:Allow").Get<string[]>() ?? []));
        services.AddSingleton<ISearchSlots>(sp => sp.GetRequiredService<SearchGate>());
        services.AddRateLimits(section.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions());
        services.AddSingleton<Users>();
        services.AddSingleton<SignUps>();
        services.AddSingleton<FeedKeys>();
        services.AddSingleton(sp => new AccountMail(sp.GetRequiredService<SmtpSettings>()));
        services.AddSingleton<FollowLimiter>();
        services.AddSingleton<SavedSearchStore>();
        services.AddSingleton<Follows>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton(sp => new SavedSearchRunner(sp.GetRequiredService<SearchEngine>(), ParseState));
        services.AddSingleton(sp => new AlertChannels(!string.IsNullOrEmpty(sp.GetRequiredService<SmtpSettings>().Host)));
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<FollowService>();
        services.AddHttpClient<WebhookSender>((sp, http) => http.Timeout = sp.GetRequiredService<AlertsOptions>().WebhookTimeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // No redirects (a 307 would re-POST the body elsewhere), no proxy (the check must see the real target),
                // and every connection dials only what WebhookTargets allows, after its own DNS lookup.
                AllowAutoRedirect = false,
                UseProxy = false,
                ConnectTimeout = sp.GetRequiredService<AlertsOptions>().WebhookTimeout,
                ConnectCallback = (context, ct) => sp.GetRequiredService<WebhookTargets>().ConnectAsync(context.DnsEndPoint, ct),
            });
        services.AddSingleton<IAlertSender>(sp => sp.GetRequiredService<WebhookSender>());
        services.AddSingleton<IAlertSender>(sp => new SmtpSender(sp.GetRequiredService<SmtpSettings>(), sp.GetRequiredService<Links>()));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<AlertsOptions>();
            var channels = sp.GetRequiredService<SmtpSettings>().Host is { Length: > 0 }
                ? sp.GetServices<IAlertSender>()
                : sp.GetServices<IAlertSender>().Where(s => s.Channel != AlertChannels.Email);
            var log = sp.GetRequiredService<ILogger<AlertDispatcher>>();
            return new AlertDispatcher(sp.GetRequiredService<AlertStore>(), sp.GetRequiredService<Users>(), channels,
                new RetryPolicy(o.RetryBase, o.RetryMax, o.MaxAttempts), sp.GetRequiredService<TimeProvider>(), o.ParallelDeliveries,
                (user, channel, e) => log.LogWarning("Melding aan gebruiker {User} via {Channel} niet bezorgd: {Error}", user, channel, e.Message));
        });
        services.AddHostedService<AlertService>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sk_af";
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
    }

    /// <summary>Links in feeds, webhooks and mails need the address people reach the site at; only the operator knows it.</summary>
    private static Links PublicLinks(string? configured) =>
        Uri.TryCreate(configured, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? new Links(new Uri(url.ToString().TrimEnd('/') + "/"))
            : new Links(new Uri(WebApp.DefaultUrl + "/")) { Missing = configured ?? "" };

    public static void MapSavedSearches(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Links>().Missing is { } missing)
        {
            app.Logger.LogWarning("SearchKamer:PublicUrl is niet (goed) ingesteld (\"{Configured}\"): links in feeds, webhooks en e-mails wijzen nu naar {Fallback}; "
                + "stel het publieke http(s)-adres van de site in, bijv. SearchKamer__PublicUrl=https://zoek.example.nl", missing, WebApp.DefaultUrl);
        }

        app.UseAntiforgery();
        app.UseRateLimiter();
        app.Use(async (context, next) =>
        {
            if (IsPrivate(context.Request))
            {
                // Set when the response starts: results (errors included) may replace headers set earlier.
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
            }

            await next();
        });
        SavedSearchApi.Map(app);
        AccountPages.Map(app);
        SavedSearchPages.Map(app);
        OverviewPage.Map(app);
        TokenRenewal.Map(app);
        FollowPages.Map(app);
        Feeds.Map(app);
    }

    /// <summary>
    /// Responses that belong to one person (account pages, the personal API, private feeds, sign-in and
    /// confirmation links) must not be kept by a browser's or proxy's cache.
    /// </summary>
    public static bool IsPrivate(HttpRequest request) =>
        PrivatePrefixes.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        || (request.Path.StartsWithSegments("/api") && request.Headers.Authorization.Count > 0);

    private static readonly string[] PrivatePrefixes =
        ["/mijn", "/aanmelden", "/inloggen", "/uitloggen", "/bevestigen", "/feed/mijn", "/feed/zoekopdracht", "/api/account", "/api/zoekopdrachten", "/api/volgen", "/api/meldingen"];

    /// <summary>A saved state is the search page's query string, read by the same parser as the page and the API.</summary>
    public static SearchRequest ParseState(string state) =>
        SearchParameters.Parse(new QueryCollection(QueryHelpers.ParseQuery(state.StartsWith('?') ? state : "?" + state)));
}

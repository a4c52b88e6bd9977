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
        services.AddSingleton<IngestNotifier>();
        services.AddSingleton(section.GetSection("Alerts").Get<AlertsOptions>() ?? new AlertsOptions());
        services.AddSingleton(section.GetSection("Smtp").Get<SmtpSettings>() ?? new SmtpSettings());
        services.AddSingleton(new Links(new Uri((section["PublicUrl"] is { Length: > 0 } url ? url : WebApp.DefaultUrl).TrimEnd('/') + "/")));
        services.AddSingleton(sp => new SqliteStore(sp.GetRequiredService<IOptions<SearchKamerOptions>>().Value.ResolvedData, Store.Migrations));
        services.AddSingleton<Users>();
        services.AddSingleton<SavedSearchStore>();
        services.AddSingleton<Follows>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton(sp => new SavedSearchRunner(sp.GetRequiredService<SearchEngine>(), ParseState));
        services.AddSingleton(sp => new AlertChannels(!string.IsNullOrEmpty(sp.GetRequiredService<SmtpSettings>().Host)));
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<FollowService>();
        services.AddHttpClient<WebhookSender>((sp, http) => http.Timeout = sp.GetRequiredService<AlertsOptions>().WebhookTimeout);
        services.AddSingleton<IAlertSender>(sp => sp.GetRequiredService<WebhookSender>());
        services.AddSingleton<IAlertSender>(sp => new SmtpSender(sp.GetRequiredService<SmtpSettings>(), sp.GetRequiredService<Links>()));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<AlertsOptions>();
            var channels = sp.GetRequiredService<SmtpSettings>().Host is { Length: > 0 }
                ? sp.GetServices<IAlertSender>()
                : sp.GetServices<IAlertSender>().Where(s => s.Channel != AlertChannels.Email);
            return new AlertDispatcher(sp.GetRequiredService<AlertStore>(), sp.GetRequiredService<Users>(), channels,
                new RetryPolicy(o.RetryBase, o.RetryMax, o.MaxAttempts), sp.GetRequiredService<TimeProvider>());
        });
        services.AddHostedService<AlertService>();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "sk_af";
            o.Cookie.SameSite = SameSiteMode.Lax;
        });
    }

    public static void MapSavedSearches(this WebApplication app)
    {
        app.UseAntiforgery();
        SavedSearchApi.Map(app);
        AccountPages.Map(app);
        SavedSearchPages.Map(app);
        FollowPages.Map(app);
        Feeds.Map(app);
    }

    /// <summary>A saved state is the search page's query string, read by the same parser as the page and the API.</summary>
    public static SearchRequest ParseState(string state) =>
        SearchParameters.Parse(new QueryCollection(QueryHelpers.ParseQuery(state.StartsWith('?') ? state : "?" + state)));
}

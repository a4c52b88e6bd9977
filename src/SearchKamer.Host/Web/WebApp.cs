using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SearchKamer.Host.Services;
using SearchKamer.Host.Web.SavedSearches;
using SearchKamer.Indexing;
using SearchKamer.Search;
using SearchKamer.Sync;

namespace SearchKamer.Host.Web;

/// <summary>The host: one index writer for the process, searchers from it, pages and API on Kestrel.</summary>
public static class WebApp
{
    public const string DefaultUrl = "http://localhost:5000";

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The same --data DIR as the CLI verbs, so one data directory can be named the same way everywhere.
        builder.Configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data"] = $"{SearchKamerOptions.Section}:DataDirectory" });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // ASP.NET Core logs two lines per request at Information; on the console that was a tenth of the
        // CPU a search costs under load. Our own services keep logging at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = 64 * 1024;
            // Above the app's own query-string cap, so a long search gets its readable 414 rather than Kestrel's empty one.
            k.Limits.MaxRequestLineSize = 64 * 1024;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Services.Configure<SearchKamerOptions>(builder.Configuration.GetSection(SearchKamerOptions.Section));
        // One SQLite store for the process, with every module's migrations; saved searches and sync get this one.
        builder.Services.AddSingleton(sp => Store.Open(sp.GetRequiredService<IOptions<SearchKamerOptions>>().Value.ResolvedData));
        builder.Services.AddSingleton(sp => SearchIndex.OpenForWriting(sp.GetRequiredService<IOptions<SearchKamerOptions>>().Value.IndexPath));
        builder.Services.AddSingleton(sp => new SearchEngine(sp.GetRequiredService<SearchIndex>()));
        builder.Services.AddSingleton<SearchGate>();
        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<SearchKamerOptions>>().Value;
            return new Dossiers.DossierReader(sp.GetRequiredService<SearchIndex>(), new Dossiers.LatenessTerms(o.AnswerTermDays, o.PostponementDays));
        });
        builder.Services.AddHostedService<IndexBootstrap>();
        builder.Services.AddSingleton(sp => new SearchWarmup(sp.GetRequiredService<SearchIndex>(), sp.GetRequiredService<SearchEngine>(),
            sp.GetRequiredService<IOptions<SearchKamerOptions>>(), sp.GetRequiredService<ILogger<SearchWarmup>>(), sp.GetRequiredService<TimeProvider>(),
            request => ApiEndpoints.AskWithoutConnection(sp, request), overConnection: sp.GetRequiredService<LoopbackApi>().Ask));
        builder.Services.AddSingleton<LoopbackApi>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchWarmup>());
        builder.Services.AddHostedService<CompilerPriority>();
        builder.Services.AddHostedService<InboxWatcher>();
        builder.AddSavedSearches();
        var sync = builder.Configuration.GetSection(SyncOptions.Section).Get<SyncOptions>() ?? new SyncOptions();
        var data = builder.Configuration.GetSection(SearchKamerOptions.Section).Get<SearchKamerOptions>()?.ResolvedData ?? DataDirectory.Resolve(null);
        builder.Services.AddTkSync(sync, data);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<SyncService>();
        builder.Services.AddHealthChecks().AddCheck<IndexHealthCheck>("index").AddCheck<ReadinessCheck>("warmup", tags: [ReadinessCheck.Tag]);
        builder.Services.AddOpenApi(OpenApiDescription.Configure);
        // Enums as their names in responses written with the defaults and in the OpenAPI schemas, as StoredJson writes them.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower)));

        var app = builder.Build();
        SecurityHeaders.Use(app);
        PageEndpoints.UseErrorHandling(app);
        PageEndpoints.UseStatusPages(app);
        app.MapHealthChecks("/health", IndexHealthCheck.Options);
        app.MapHealthChecks("/health/ready", ReadinessCheck.Options);
        app.MapOpenApi();
        ApiEndpoints.Map(app);
        PageEndpoints.Map(app);
        app.MapSavedSearches();
        OpenQuestionsEndpoints.Map(app);
        DossierEndpoints.Map(app);
        return app;
    }
}

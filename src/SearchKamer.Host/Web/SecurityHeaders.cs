namespace SearchKamer.Host.Web;

/// <summary>CSP and friends on every response: no inline script, nothing from elsewhere.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    // Set when the response starts, not before the endpoint: the exception handler clears headers,
    // and an endpoint may set a stricter policy of its own (the original-file download does).
    public static void Use(WebApplication app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.XFrameOptions = "DENY";
            return Task.CompletedTask;
        });
        await next();
    });
}

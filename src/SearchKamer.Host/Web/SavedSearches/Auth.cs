using SearchKamer.SavedSearches;

namespace SearchKamer.Host.Web.SavedSearches;

/// <summary>
/// Who is asking. The API takes the personal token (Bearer header); pages take the session cookie;
/// private feeds take their own read-only key (<see cref="FeedKeys"/>), never the token. The API ignores
/// the cookie, so a page on another site cannot make a signed-in browser write through it. Wrong tokens
/// count against the client's address (<see cref="FailedTokenChecks"/>).
/// </summary>
public static class Auth
{
    public const string SessionCookie = "sk_sessie";
    public const string ReturnCookie = "sk_terug";
    private const string UserKey = "searchkamer.user";
    private const string VisitorKey = "searchkamer.visitor";

    public static User? FromBearer(HttpContext context, Users users)
    {
        var header = context.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? users.ByToken(header["Bearer ".Length..].Trim()) : null;
    }

    /// <summary>
    /// The signed-in visitor of a page: the user the session filter found, else the session cookie's. Looked up once
    /// per request and kept in <see cref="HttpContext.Items"/>, since the header, "Bewaar", "Volg", the rate limiter
    /// and the filter all ask. A token renewal ends the session the request came with and sets a new cookie; its own
    /// answer still shows the visitor as signed in, because the filter's user comes first.
    /// </summary>
    public static User? Visitor(HttpContext context, Users users)
    {
        if (context.Items[UserKey] is User user)
        {
            return user;
        }

        if (!context.Items.TryGetValue(VisitorKey, out var known))
        {
            known = context.Request.Cookies.ContainsKey(SessionCookie) ? users.BySession(context.Request.Cookies[SessionCookie]) : null;
            context.Items[VisitorKey] = known;
        }

        return known as User;
    }

    /// <summary>The request's session turned out to be over (a renewal lost to another): its answer shows the visitor signed out.</summary>
    public static void SignOut(HttpContext context)
    {
        context.Items.Remove(UserKey);
        context.Items[VisitorKey] = null;
        context.Response.Cookies.Delete(SessionCookie);
    }

    /// <summary>The user an endpoint filter put on the request.</summary>
    public static User Current(HttpContext context) =>
        context.Items[UserKey] as User ?? throw new InvalidOperationException("endpoint without a user filter");

    /// <summary>API groups: 401 without a valid token.</summary>
    public static TBuilder RequireToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(RequiresBearerToken.Instance).AddEndpointFilter(async (ctx, next) =>
        {
            var users = ctx.HttpContext.RequestServices.GetRequiredService<Users>();
            var checks = ctx.HttpContext.RequestServices.GetRequiredService<FailedTokenChecks>();
            if (checks.Refusal(ctx.HttpContext) is { } tooMany)
            {
                return tooMany;
            }

            if (FromBearer(ctx.HttpContext, users) is not { } user)
            {
                if (ctx.HttpContext.Request.Headers.Authorization.Count > 0)
                {
                    checks.Failed(ctx.HttpContext);
                }

                ctx.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Json(new ProblemDetailsBody("Niet aangemeld", 401, "stuur 'Authorization: Bearer <token>' met uw persoonlijke token", null), statusCode: 401);
            }

            ctx.HttpContext.Items[UserKey] = user;
            return await next(ctx);
        });

    /// <summary>Page groups: to the sign-in page without a session.</summary>
    public static TBuilder RequireSession<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (ctx, next) =>
        {
            var users = ctx.HttpContext.RequestServices.GetRequiredService<Users>();
            if (Visitor(ctx.HttpContext, users) is not { } user)
            {
                // A GET (a "bewaar" or "volg" link) is where the visitor wanted to go: back there after signing in.
                var back = HttpMethods.IsGet(ctx.HttpContext.Request.Method) ? ctx.HttpContext.Request.Path + ctx.HttpContext.Request.QueryString : null;
                return Results.Redirect(back is null ? "/aanmelden" : "/aanmelden?terug=" + Uri.EscapeDataString(back));
            }

            ctx.HttpContext.Items[UserKey] = user;
            return await next(ctx);
        });

    /// <summary>Remembers where to go after signing in (the personal link may be opened later, from a mail); only paths on this site.</summary>
    public static void RememberReturn(HttpContext context, string? path)
    {
        if (LocalPath(path) is { } local)
        {
            context.Response.Cookies.Append(ReturnCookie, local, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
                MaxAge = TimeSpan.FromHours(1),
            });
        }
    }

    /// <summary>Where signing in leads: the remembered page, else the overview.</summary>
    public static string TakeReturn(HttpContext context)
    {
        var back = LocalPath(context.Request.Cookies[ReturnCookie]);
        context.Response.Cookies.Delete(ReturnCookie);
        return back ?? "/mijn";
    }

    /// <summary>
    /// A path on this site, or null: "//evil.example" and "/\evil.example" are other hosts to a browser,
    /// so an attacker's sign-in link cannot send the visitor off-site.
    /// </summary>
    public static string? LocalPath(string? path) =>
        path is { Length: > 1 and <= 2000 } p && p[0] == '/' && p[1] != '/' && p[1] != '\\' && !p.Any(char.IsControl) ? p : path == "/" ? "/" : null;

    public static void SetSession(HttpContext context, string session) =>
        context.Response.Cookies.Append(SessionCookie, session, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = Users.SessionLifetime,
            IsEssential = true,
        });
}

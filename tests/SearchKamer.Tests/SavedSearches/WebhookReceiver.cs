using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SearchKamer.Tests.SavedSearches;

/// <summary>A webhook endpoint on a fixed loopback port that can be down (nothing listening), up, or hanging (takes the request, never answers).</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private WebApplication? _app;

    // While down, the port stays bound by a socket that does not listen: connections are refused, as to a
    // server that is down, and no other process can take the address the user configured in the meantime.
    private Socket? _reserved;

    public WebhookReceiver()
    {
        _reserved = Reserve(0);
        Port = ((IPEndPoint)_reserved.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    /// <summary>Requests answered 200: body and signature header.</summary>
    public ConcurrentQueue<(string Body, string? Signature)> Accepted { get; } = new();

    public int Arrived => _arrived;

    private int _arrived;

    public bool Hang { get; set; }

    /// <summary>When set, every POST is answered 307 to this address (a redirect that would re-POST the body).</summary>
    public string? RedirectTo { get; set; }

    /// <summary>When each request arrived and when each ended (answered, or dropped by the sender), in ticks of <see cref="Environment.TickCount64"/>.</summary>
    public ConcurrentQueue<long> ArrivedAt { get; } = new();

    public ConcurrentQueue<long> EndedAt { get; } = new();

    public async Task Up()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _reserved?.Dispose();
        _reserved = null;
        var app = builder.Build();
        app.MapPost("/hook", async (HttpRequest request, CancellationToken aborted) =>
        {
            var body = await new StreamReader(request.Body).ReadToEndAsync(aborted);
            ArrivedAt.Enqueue(Environment.TickCount64);
            Interlocked.Increment(ref _arrived);
            using var ended = aborted.Register(() => EndedAt.Enqueue(Environment.TickCount64));
            if (Hang)
            {
                await Task.Delay(Timeout.Infinite, aborted);
            }

            if (RedirectTo is { } location)
            {
                return Results.Redirect(location, permanent: false, preserveMethod: true);
            }

            Accepted.Enqueue((body, request.Headers["X-SearchKamer-Signature"].FirstOrDefault()));
            return Results.Ok();
        });
        await app.StartAsync();
        _app = app;
    }

    public async Task Down()
    {
        if (_app is { } app)
        {
            _app = null;
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await app.StopAsync(quick.Token);
            await app.DisposeAsync();
            _reserved = Reserve(Port);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Down();
        _reserved?.Dispose();
    }

    private static Socket Reserve(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        // The stopped server's connections may linger in TIME_WAIT on this port.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }
}

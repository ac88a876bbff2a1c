using System.Net;
using Gateway.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Common;

/// <summary>A real Kestrel issuer on 127.0.0.1:0 that serves a JWKS at <c>/jwks</c>, counts the fetches, and can be
/// told to rotate its keys, fail, answer garbage, or hold fetches until released.</summary>
public sealed class JwksServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile Answer _answer;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _fetches;
    private int _held;

    private JwksServer(WebApplication app, Answer answer)
    {
        _app = app;
        _answer = answer;
    }

    /// <summary>The JWKS URL, e.g. <c>http://127.0.0.1:40001/jwks</c>.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>Fetches received so far, held ones included.</summary>
    public int Fetches => Volatile.Read(ref _fetches);

    /// <summary>Fetches waiting for <see cref="ReleaseHeld"/> right now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Whether fetches wait for <see cref="ReleaseHeld"/> before they are answered.</summary>
    public bool HoldFetches { get; set; }

    /// <summary>Starts a server that serves the public keys of <paramref name="keys"/>.</summary>
    public static async Task<JwksServer> StartAsync(params TestSigningKey[] keys)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new JwksServer(app, Answer.For(keys));
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Url = address.TrimEnd('/') + "/jwks";
        return server;
    }

    /// <summary>Serves the public keys of <paramref name="keys"/> from now on (a rotation).</summary>
    public void Serve(params TestSigningKey[] keys) => _answer = Answer.For(keys);

    /// <summary>Answers <paramref name="status"/> with <paramref name="body"/> from now on.</summary>
    public void Respond(int status, string body) => _answer = new Answer(status, body);

    /// <summary>Lets held fetches go on; later ones are held only while <see cref="HoldFetches"/> is still set.</summary>
    public void ReleaseHeld() => Interlocked.Exchange(ref _release, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits, at most 30 s, until <see cref="Fetches"/> reaches <paramref name="count"/>.</summary>
    public async Task WaitForFetchesAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Fetches < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(Fetches >= count, $"expected {count} fetches, saw {Fetches}");
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        ReleaseHeld();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.Request.Path != "/jwks")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Interlocked.Increment(ref _fetches);
        if (HoldFetches)
        {
            Interlocked.Increment(ref _held);
            try
            {
                await _release.Task.WaitAsync(context.RequestAborted);
            }
            finally
            {
                Interlocked.Decrement(ref _held);
            }
        }

        var answer = _answer;
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }

    private sealed record Answer(int Status, string Body)
    {
        public static Answer For(TestSigningKey[] keys) => new(StatusCodes.Status200OK, TestSigningKey.Jwks(keys));
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Common;

/// <summary>A real Kestrel upstream on 127.0.0.1:0 that answers every request 500 while <see cref="Failing"/> is set
/// and 200 with its name otherwise, counting the requests it sees.</summary>
public sealed class FailingUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;
    private volatile bool _failing;

    private FailingUpstream(string name, WebApplication app)
    {
        Name = name;
        _app = app;
    }

    /// <summary>The name a 200 answer carries.</summary>
    public string Name { get; }

    /// <summary>The base URI.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>Whether requests are answered 500.</summary>
    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>Requests seen so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts an upstream named <paramref name="name"/>.</summary>
    public static async Task<FailingUpstream> StartAsync(string name, bool failing = false)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var upstream = new FailingUpstream(name, app) { Failing = failing };
        app.Run(upstream.HandleAsync);
        await app.StartAsync();
        upstream.Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        return upstream;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (_failing)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        }

        return context.Response.WriteAsync(Name);
    }
}

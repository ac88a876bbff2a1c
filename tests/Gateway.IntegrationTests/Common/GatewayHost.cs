using Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Common;

/// <summary>The real gateway (GatewayApp) started in-process on 127.0.0.1 ephemeral ports with a route file written by the test.</summary>
public sealed class GatewayHost : IAsyncDisposable
{
    private readonly string _routesFile;

    private GatewayHost(WebApplication app, string routesFile, RecordingLoggerProvider logs)
    {
        App = app;
        _routesFile = routesFile;
        Logs = logs;
        var listeners = app.Services.GetRequiredService<GatewayListeners>();
        PublicUri = listeners.PublicUri;
        AdminUri = listeners.AdminUri;
    }

    /// <summary>The running application.</summary>
    public WebApplication App { get; }

    /// <summary>Every log entry of this gateway, at every level.</summary>
    public RecordingLoggerProvider Logs { get; }

    /// <summary>The public listener, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri PublicUri { get; }

    /// <summary>The admin listener.</summary>
    public Uri AdminUri { get; }

    /// <summary>Writes <paramref name="routes"/> to a temp file and starts a gateway over it; <paramref name="settings"/> add <c>Gateway:*</c> overrides.</summary>
    public static async Task<GatewayHost> StartAsync(string routes, params (string Key, string Value)[] settings)
    {
        var routesFile = Path.Combine(Path.GetTempPath(), $"gateway-test-{Guid.NewGuid():N}.gw");
        await File.WriteAllTextAsync(routesFile, routes);
        var args = new List<string>
        {
            $"--Gateway:RoutesFile={routesFile}",
            "--Gateway:Listen=127.0.0.1:0",
            "--Gateway:Admin=127.0.0.1:0",

            // The gateway's own Debug lines (client aborts, no route) are part of what tests assert on.
            "--Logging:LogLevel:Gateway=Debug",
        };
        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));

        var logs = new RecordingLoggerProvider();
        var errors = new StringWriter();
        var app = GatewayApp.Build(args.ToArray(), errors, builder =>
        {
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
        });
        if (app is null)
        {
            File.Delete(routesFile);
            throw new InvalidOperationException("The gateway did not start:\n" + errors);
        }

        await app.StartAsync();
        return new GatewayHost(app, routesFile, logs);
    }

    /// <summary>A client for the public listener.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = PublicUri, Timeout = TimeSpan.FromSeconds(60) };

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        File.Delete(_routesFile);
    }
}

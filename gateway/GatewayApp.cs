using Gateway.Admin;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Text;
using Gateway.Forwarding;
using Gateway.Hosting;
using Gateway.Dsl.Model;
using Gateway.Dsl.Planning;
using Gateway.Logging;
using Gateway.Policies;
using Gateway.Routing;
using Gateway.Upstreams;
using Microsoft.AspNetCore.Connections;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway;

/// <summary>Host wiring: reads the route table, binds the listeners, registers the request path. No request logic lives here.</summary>
/// <remarks>Program.cs calls <see cref="RunAsync"/>; integration tests call <see cref="Build"/> too, with route files of
/// their own and <c>127.0.0.1:0</c> listeners, and read the bound ports from <see cref="GatewayListeners"/>.</remarks>
public static class GatewayApp
{
    /// <summary>The exit code after a clean shutdown.</summary>
    public const int ExitSuccess = 0;

    /// <summary>The exit code when the gateway could not start; the reason has been written out.</summary>
    public const int ExitFailed = 1;

    /// <summary>Builds, starts and runs the gateway until it is told to stop; returns the process exit code.</summary>
    /// <param name="args">As for <see cref="Build"/>.</param>
    /// <param name="errors">Where startup problems are printed, one per line.</param>
    /// <param name="configure">As for <see cref="Build"/>.</param>
    /// <param name="stop">Stops the gateway, as SIGTERM or Ctrl+C does.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter errors, Action<WebApplicationBuilder>? configure = null,
        CancellationToken stop = default)
    {
        var app = Build(args, errors, configure);
        if (app is null)
        {
            return ExitFailed;
        }

        await using (app)
        {
            if (!await TryStartAsync(app, errors))
            {
                return ExitFailed;
            }

            await app.WaitForShutdownAsync(stop);
            return ExitSuccess;
        }
    }

    /// <summary>Starts the listeners, or returns false after writing to <paramref name="errors"/> which address could not be bound.</summary>
    /// <remarks>A taken port is an operator's mistake to be told in one line, not an unhandled exception that aborts the
    /// process. The host still logs its own "Hosting failed to start" at Error, with the exception; filtering that
    /// category would also hide the failures of background services, so it stays.</remarks>
    public static async Task<bool> TryStartAsync(WebApplication app, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(errors);
        try
        {
            await app.StartAsync();
            return true;
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
        {
            errors.WriteLine(BindFailure(app.Services.GetRequiredService<GatewayListeners>(), ex));
            return false;
        }
    }

    /// <summary>Builds the gateway, or returns null after writing the reasons to <paramref name="errors"/> (bad route file, bad address).</summary>
    /// <param name="args">Command-line arguments; <c>--Gateway:RoutesFile=…</c> and friends override (see <see cref="GatewayOptions"/>).</param>
    /// <param name="errors">Where startup problems are printed; a route-file diagnostic is its compiler-format line, the source line and carets.</param>
    /// <param name="configure">Lets tests add configuration or logging before the app is built.</param>
    public static WebApplication? Build(string[] args, TextWriter errors, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        GatewayDefaults.AddTo(builder.Configuration);
        configure?.Invoke(builder);
        var options = GatewayOptions.From(builder.Configuration);
        if (options.Problems.Count > 0)
        {
            foreach (var problem in options.Problems)
            {
                errors.WriteLine(problem);
            }

            return null;
        }

        // The route table comes first: it names the listen addresses, and a route file with errors must not start.
        if (LoadRouteTable(options, errors) is not var (source, table, plan, warnings))
        {
            return null;
        }

        // Overrides follow the route file's rule and get its messages; the file's own addresses have passed it already.
        var publicText = options.Listen ?? ListenEndpoint.TextOf(table.Listen, GatewayOptions.DefaultListen);
        var adminText = options.Admin ?? ListenEndpoint.TextOf(table.Admin, GatewayOptions.DefaultAdmin);
        var publicEndPoint = ParseListener("listen", publicText, options.Listen is null ? null : "Gateway:Listen", errors);
        var adminEndPoint = ParseListener("admin", adminText, options.Admin is null ? null : "Gateway:Admin", errors);
        if (publicEndPoint is null || adminEndPoint is null)
        {
            return null;
        }

        // Gateway:Redis is read as the route file's 'redis' is, so a typo fails at startup rather than at the first request.
        if (options.Redis is { } redis && !Dsl.Model.RedisAddress.TryParse(redis, 0, out _, out var redisProblem))
        {
            errors.WriteLine($"error: redis address '{redis}' (Gateway:Redis) {redisProblem}; write 'HOST:PORT', e.g. 'redis.gateway.svc:6379'.");
            return null;
        }

        // Admin requests are told apart by local port, so the two listeners cannot share one.
        if (publicEndPoint.Port != 0 && publicEndPoint.Port == adminEndPoint.Port)
        {
            errors.WriteLine($"error: the listen address '{publicText}' and the admin address '{adminText}' use the same port; give admin its own.");
            return null;
        }

        var listeners = new GatewayListeners();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // Kestrel rewrites some Connection headers before the app sees them; this keeps the client's lines.
            kestrel.RequestHeaderEncodingSelector = ConnectionHeaderCapture.EncodingSelector;

            // The gateway streams bodies and never buffers them, so it sets no size limit of its own; upstreams keep theirs.
            kestrel.Limits.MaxRequestBodySize = null;
            listeners.Bind(kestrel, publicEndPoint, adminEndPoint);
        });

        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<RouteTableHolder>();
        builder.Services.AddSingleton(listeners);

        // A factory, not an instance: the container disposes only what it created, and the client owns a
        // SocketsHttpHandler with its connection pool.
        builder.Services.AddSingleton(_ => new ForwarderClient(options.ConnectTimeout));
        builder.Services.AddSingleton(new ForwarderRequestConfig { ActivityTimeout = options.UpstreamTimeout });
        builder.Services.AddSingleton(services => new UpstreamRegistry(services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton(services => new Policies.ApiKeys.ApiKeyStoreRegistry(
            services.GetRequiredService<ILoggerFactory>(), options.KeysFileCheckInterval));
        builder.Services.AddSingleton<Policies.ExternalAuth.ExternalAuthClient>();
        builder.Services.AddSingleton(services => new KeySetRegistry(services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton(services => new RateLimiting.RedisRateLimitStores(
            services.GetRequiredService<ILoggerFactory>(), options.RedisTimeout, options.Redis));
        builder.Services.AddSingleton(services => new PolicyFactory(
            services.GetRequiredService<Policies.ApiKeys.ApiKeyStoreRegistry>(), services.GetRequiredService<Policies.ExternalAuth.ExternalAuthClient>(),
            services.GetRequiredService<KeySetRegistry>(), services.GetRequiredService<RateLimiting.RedisRateLimitStores>(),
            services.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton(services => new SnapshotServices(
            services.GetRequiredService<UpstreamRegistry>(), services.GetRequiredService<PolicyFactory>(), services.GetRequiredService<ForwarderRequestConfig>()));
        builder.Services.AddSingleton<GatewayMiddleware>();
        builder.Services.AddSingleton<AdminHandler>();

        var app = builder.Build();

        // Policies need the app's services (HTTP clients, loggers), so the snapshot is built once they exist.
        var snapshot = RouteTableSnapshot.Create(table, source.CreateMatcher(plan), source.Router, app.Services.GetRequiredService<SnapshotServices>());
        var tables = app.Services.GetRequiredService<RouteTableHolder>();
        tables.Swap(snapshot);
        var gateway = app.Services.GetRequiredService<GatewayMiddleware>();
        var admin = app.Services.GetRequiredService<AdminHandler>();

        // One terminal delegate, no endpoint routing: the gateway does its own routing, and admin paths exist only on the
        // admin port. Every request first gets its Connection lines back, so none are left for the next request.
        app.Run(context =>
        {
            ConnectionHeaderCapture.Restore(context);
            return listeners.IsAdmin(context) ? admin.InvokeAsync(context) : gateway.InvokeAsync(context);
        });

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GatewayApp).FullName!);

        // Warnings do not stop a file from loading (the build reports the same ones); they are logged, one per line.
        foreach (var warning in warnings)
        {
            Log.RouteFileWarning(logger, warning.ToString());
        }

        Log.RouteTableLoaded(logger, snapshot.Table.FilePath, snapshot.RouteCount, snapshot.Upstreams.Count, snapshot.Router);
        app.Lifetime.ApplicationStarted.Register(() =>
            Log.ListenersBound(logger, listeners.PublicUri.ToString(), listeners.AdminUri.ToString()));
        return app;
    }

    // Kestrel reports a taken address as an IOException whose message names the endpoint ("Failed to bind to address
    // http://127.0.0.1:8080: address already in use.") around an AddressInUseException; the endpoint tells which listener.
    private static string BindFailure(GatewayListeners listeners, Exception ex)
    {
        var (role, option) = Names(ex.Message, listeners.PublicEndPoint) ? ("listen", "--Gateway:Listen")
            : Names(ex.Message, listeners.AdminEndPoint) ? ("admin", "--Gateway:Admin")
            : (null, null);
        if (role is null)
        {
            // Not an error Kestrel ties to one endpoint (e.g. an address this host does not have): name both.
            return $"error: the gateway cannot listen on its listen address {listeners.PublicEndPoint} or its admin address {listeners.AdminEndPoint}: {ex.Message}";
        }

        var endpoint = role == "listen" ? listeners.PublicEndPoint : listeners.AdminEndPoint;
        return ex.InnerException is AddressInUseException
            ? $"error: the {role} address {endpoint} is already in use; stop what listens there, or choose another address with {option}=HOST:PORT or '{role}' in the route file."
            : $"error: the gateway cannot listen on the {role} address {endpoint}: {(ex.InnerException ?? ex).Message}";
    }

    // Whether the message names the endpoint, and not a longer port that starts with the same digits.
    private static bool Names(string message, System.Net.IPEndPoint endpoint)
    {
        var text = endpoint.ToString();
        for (var at = message.IndexOf(text, StringComparison.Ordinal); at >= 0; at = message.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            var end = at + text.Length;
            if (end == message.Length || !char.IsAsciiDigit(message[end]))
            {
                return true;
            }
        }

        return false;
    }

    // Parses one listener's address, or prints why not: '{what} address 'x' (Gateway:Listen): <the route language's message>'.
    private static System.Net.IPEndPoint? ParseListener(string what, string text, string? configurationKey, TextWriter errors)
    {
        if (ListenEndpoint.TryParse(text, out var endpoint, out var error))
        {
            return endpoint;
        }

        var source = configurationKey is null ? string.Empty : $" ({configurationKey})";
        errors.WriteLine($"error: {what} address '{text}'{source}: {error}");
        return null;
    }

    // A configured route file is read and interpreted; otherwise the router generated at build time is used. Returns the
    // checked table with its plan and warnings, or null after printing why there is none.
    private static (RouteSource Source, RouteTable Table, MatchPlan Plan, IReadOnlyList<Diagnostic> Warnings)? LoadRouteTable(GatewayOptions options, TextWriter errors)
    {
        var source = CompiledRoutes.Source;
        if (options.RoutesFile is { Length: > 0 } path)
        {
            string text;
            try
            {
                // Decoded as the build decodes it: bytes that are not UTF-8 become U+FFFD, which the lexer reports (GW0012).
                text = RouteFileEncoding.Decode(File.ReadAllBytes(path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.WriteLine($"error: cannot read route file '{path}': {ex.Message}");
                return null;
            }

            source = RouteSource.Interpreted(text, path);
        }

        // The language's checks and the plugin check, as the build runs them for routes.gw.
        var result = RouteTableLoader.Check(source);
        if (result.Table is not { } table || result.Plan is not { } plan)
        {
            // Each diagnostic as infra prints it too: the compiler-style line, then the source line with carets under the span.
            foreach (var line in DiagnosticRenderer.RenderLines(result.Diagnostics, new SourceText(source.Text, source.Path)))
            {
                errors.WriteLine(line);
            }

            if (result.Diagnostics.Count == 0)
            {
                errors.WriteLine($"error: route file '{source.Path}' produced no route table.");
            }

            return null;
        }

        return (source, table, plan, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning).ToList());
    }
}

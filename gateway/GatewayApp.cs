using Gateway.Admin;
using Gateway.Dsl.Text;
using Gateway.Forwarding;
using Gateway.Hosting;
using Gateway.Logging;
using Gateway.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway;

/// <summary>Host wiring: reads the route table, binds the listeners, registers the request path. No request logic lives here.</summary>
/// <remarks>Program.cs calls <see cref="Build"/>; integration tests call it too, with route files of their own and
/// <c>127.0.0.1:0</c> listeners, and read the bound ports from <see cref="GatewayListeners"/>.</remarks>
public static class GatewayApp
{
    // A warning of a route file that loads, at Warning level; a file that does not load prints its diagnostics to the
    // error writer instead. Defined here rather than in Logging/Log.cs, whose RouteFileDiagnostic is fixed at Error,
    // with the same event id, so both kinds of route-file diagnostic are found under one id.
    private static readonly Action<ILogger, string, Exception?> RouteFileWarning =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(EventIds.RouteFileDiagnostic, nameof(RouteFileWarning)), "{Diagnostic}");

    /// <summary>Builds the gateway, or returns null after writing the reasons to <paramref name="errors"/> (bad route file, bad address).</summary>
    /// <param name="args">Command-line arguments; <c>--Gateway:RoutesFile=…</c> and friends override (see <see cref="GatewayOptions"/>).</param>
    /// <param name="errors">Where startup problems are printed, one per line (route-file diagnostics in compiler format).</param>
    /// <param name="configure">Lets tests add configuration or logging before the app is built.</param>
    public static WebApplication? Build(string[] args, TextWriter errors, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(errors);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
        GatewayDefaults.AddTo(builder.Configuration);
        configure?.Invoke(builder);
        var options = GatewayOptions.From(builder.Configuration);

        // The route table comes first: it names the listen addresses, and a route file with errors must not start.
        var (snapshot, warnings) = LoadRouteTable(options, errors);
        if (snapshot is null)
        {
            return null;
        }

        // Overrides follow the route file's rule and get its messages; the file's own addresses have passed it already.
        var publicText = options.Listen ?? ListenEndpoint.TextOf(snapshot.Table.Listen, GatewayOptions.DefaultListen);
        var adminText = options.Admin ?? ListenEndpoint.TextOf(snapshot.Table.Admin, GatewayOptions.DefaultAdmin);
        var publicEndPoint = ParseListener("listen", publicText, options.Listen is null ? null : "Gateway:Listen", errors);
        var adminEndPoint = ParseListener("admin", adminText, options.Admin is null ? null : "Gateway:Admin", errors);
        if (publicEndPoint is null || adminEndPoint is null)
        {
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

            // The gateway streams bodies and never buffers them, so it sets no size limit of its own; upstreams keep theirs.
            kestrel.Limits.MaxRequestBodySize = null;
            listeners.Bind(kestrel, publicEndPoint, adminEndPoint);
        });

        var tables = new RouteTableHolder();
        tables.Swap(snapshot);
        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton(tables);
        builder.Services.AddSingleton(listeners);
        builder.Services.AddSingleton(new ForwarderClient(options.ConnectTimeout));
        builder.Services.AddSingleton(new ForwarderRequestConfig { ActivityTimeout = options.UpstreamTimeout });
        builder.Services.AddSingleton<GatewayMiddleware>();
        builder.Services.AddSingleton<AdminHandler>();

        var app = builder.Build();
        var gateway = app.Services.GetRequiredService<GatewayMiddleware>();
        var admin = app.Services.GetRequiredService<AdminHandler>();

        // One terminal delegate, no endpoint routing: the gateway does its own routing, and admin paths exist only on the admin port.
        app.Run(context => listeners.IsAdmin(context) ? admin.InvokeAsync(context) : gateway.InvokeAsync(context));

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GatewayApp).FullName!);

        // Warnings do not stop a file from loading (the build reports the same ones); they are logged, one per line.
        foreach (var warning in warnings)
        {
            RouteFileWarning(logger, warning.ToString(), null);
        }

        Log.RouteTableLoaded(logger, snapshot.Table.FilePath, snapshot.RouteCount, snapshot.Upstreams.Count, snapshot.Router);
        app.Lifetime.ApplicationStarted.Register(() =>
            Log.ListenersBound(logger, listeners.PublicUri.ToString(), listeners.AdminUri.ToString()));
        return app;
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
    // snapshot (null after printing why) and the warnings of a file that loads.
    private static (RouteTableSnapshot? Snapshot, IReadOnlyList<Dsl.Diagnostics.Diagnostic> Warnings) LoadRouteTable(GatewayOptions options, TextWriter errors)
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
                return (null, []);
            }

            source = RouteSource.Interpreted(text, path);
        }

        var snapshot = RouteTableLoader.TryLoad(source, out var result);
        if (snapshot is null)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                errors.WriteLine(diagnostic.ToString());
            }

            if (result.Diagnostics.Count == 0)
            {
                errors.WriteLine($"error: route file '{source.Path}' produced no route table.");
            }

            return (null, []);
        }

        return (snapshot, result.Diagnostics.Where(d => d.Severity == Dsl.Diagnostics.DiagnosticSeverity.Warning).ToList());
    }
}

using Gateway.Admin;
using Gateway.Forwarding;
using Gateway.Hosting;
using Gateway.Dsl.Model;
using Gateway.Dsl.Planning;
using Gateway.Logging;
using Gateway.Policies;
using Gateway.Routing;
using Gateway.Upstreams;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway;

/// <summary>Host wiring: reads the route table, binds the listeners, registers the request path. No request logic lives here.</summary>
/// <remarks>Program.cs calls <see cref="Build"/>; integration tests call it too, with route files of their own and
/// <c>127.0.0.1:0</c> listeners, and read the bound ports from <see cref="GatewayListeners"/>.</remarks>
public static class GatewayApp
{
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

        // The route table comes first: it names the listen addresses, and a gateway without routes must not start.
        if (LoadRouteTable(options, errors) is not var (source, table, plan))
        {
            return null;
        }

        var publicText = options.Listen ?? ListenEndpoint.TextOf(table.Listen, GatewayOptions.DefaultListen);
        var adminText = options.Admin ?? ListenEndpoint.TextOf(table.Admin, GatewayOptions.DefaultAdmin);
        if (!ListenEndpoint.TryParse(publicText, out var publicEndPoint) || !ListenEndpoint.TryParse(adminText, out var adminEndPoint))
        {
            errors.WriteLine($"error: listen address '{publicText}' or admin address '{adminText}' is not host:port with an IP address, 'localhost' or '*'.");
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

        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<RouteTableHolder>();
        builder.Services.AddSingleton(listeners);
        builder.Services.AddSingleton(new ForwarderClient(options.ConnectTimeout));
        builder.Services.AddSingleton(new ForwarderRequestConfig { ActivityTimeout = options.UpstreamTimeout });
        builder.Services.AddSingleton<UpstreamRegistry>();
        builder.Services.AddSingleton<PolicyFactory>();
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

        // One terminal delegate, no endpoint routing: the gateway does its own routing, and admin paths exist only on the admin port.
        app.Run(context => listeners.IsAdmin(context) ? admin.InvokeAsync(context) : gateway.InvokeAsync(context));

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GatewayApp).FullName!);
        Log.RouteTableLoaded(logger, snapshot.Table.FilePath, snapshot.RouteCount, snapshot.Upstreams.Count, snapshot.Router);
        app.Lifetime.ApplicationStarted.Register(() =>
            Log.ListenersBound(logger, listeners.PublicUri.ToString(), listeners.AdminUri.ToString()));
        return app;
    }

    // A configured route file is read and interpreted; otherwise the router generated at build time is used.
    private static (RouteSource Source, RouteTable Table, MatchPlan Plan)? LoadRouteTable(GatewayOptions options, TextWriter errors)
    {
        var source = CompiledRoutes.Source;
        if (options.RoutesFile is { Length: > 0 } path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
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
            foreach (var diagnostic in result.Diagnostics)
            {
                errors.WriteLine(diagnostic.ToString());
            }

            if (result.Diagnostics.Count == 0)
            {
                errors.WriteLine($"error: route file '{source.Path}' produced no route table.");
            }

            return null;
        }

        return (source, table, plan);
    }
}

using Gateway.Forwarding;
using Gateway.Logging;
using Gateway.Responses;
using Gateway.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway;

/// <summary>The request path of the public listener, in one method: match, respond or pick an endpoint, forward, map errors.</summary>
/// <remarks>Terminal: it answers every request it is given. Built once and shared; per-request state lives in locals.</remarks>
public sealed class GatewayMiddleware
{
    private readonly RouteTableHolder _tables;
    private readonly IHttpForwarder _forwarder;
    private readonly HttpMessageInvoker _client;
    private readonly ForwarderRequestConfig _requestConfig;
    private readonly ILogger _logger;

    /// <summary>Creates the request path over the current route table and the shared forwarding client.</summary>
    public GatewayMiddleware(RouteTableHolder tables, IHttpForwarder forwarder, ForwarderClient client, ForwarderRequestConfig requestConfig,
        ILogger<GatewayMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(forwarder);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(requestConfig);
        ArgumentNullException.ThrowIfNull(logger);
        _tables = tables;
        _forwarder = forwarder;
        _client = client.Invoker;
        _requestConfig = requestConfig;
        _logger = logger;
    }

    /// <summary>Serves one request.</summary>
    /// <remarks>
    /// <code>
    /// 0. take the current snapshot once   ── none loaded ──────────────► 503 problem
    /// 1. match host/path/method/headers   ── no route ─────────────────► 404 problem (Debug log)
    /// 2. respond route?                   ── yes ─────────────────────► status + body with captured values
    /// 3. pick an endpoint (balancer)      ── upstream has none ────────► 503 problem (Warning log)
    /// 4. forward through IHttpForwarder   ── streams both bodies; WebSocket upgrades pass through
    /// 5. ForwarderError → status + log    ── 502 unreachable/reset, 504 timeout, client abort: Debug only
    /// </code>
    /// Failures are values (a <see cref="ForwarderError"/>, a missing match), never exceptions.
    /// </remarks>
    public async Task InvokeAsync(HttpContext context)
    {
        // 0. The request keeps this snapshot to the end, even if a reload replaces it meanwhile.
        var table = _tables.Current;
        if (table is null)
        {
            Log.NoRouteTable(_logger);
            await ProblemResponse.NoRouteTable.WriteAsync(context);
            return;
        }

        // 1. Match. RouteRequest is a view over strings Kestrel already holds; matching allocates nothing.
        var match = table.Matcher.Match(RouteRequest.From(context.Request));
        if (!match.Success)
        {
            // The arguments are read before the logger checks its level, and the host is a header lookup: skip them
            // when Debug is off, as it is in production.
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.NoRoute(_logger, context.Request.Method, context.Request.Host.Value ?? string.Empty, context.Request.Path.Value ?? "/");
            }

            await ProblemResponse.NoRoute.WriteAsync(context);
            return;
        }

        var route = table.GetRoute(match.RouteIndex);

        // 2. Respond routes answer here, like nginx `return`.
        if (route.Respond is { } respond)
        {
            await respond.WriteAsync(context, match);
            return;
        }

        // 3. Pick an endpoint from the upstream's current endpoint array.
        var upstream = route.Upstream!;
        var endpoint = upstream.Pick();
        if (endpoint is null)
        {
            Log.NoEndpoint(_logger, route.Name, upstream.Name);
            await ProblemResponse.NoEndpoint.WriteAsync(context);
            return;
        }

        // 4. Forward. The in-flight count covers the whole exchange, body streaming included, for least-requests and p2c.
        ForwarderError error;
        endpoint.Enter();
        try
        {
            error = await _forwarder.SendAsync(context, endpoint.Address, _client, _requestConfig, RouteTransformer.Instance);
        }
        finally
        {
            endpoint.Exit();
        }

        // 5. Map a failure to a status code and one log line.
        if (error != ForwarderError.None)
        {
            await ForwardErrors.ReportAsync(context, error, route, endpoint, _logger);
        }
    }
}

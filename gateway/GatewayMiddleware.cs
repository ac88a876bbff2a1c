using Gateway.Forwarding;
using Gateway.Logging;
using Gateway.Responses;
using Gateway.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway;

/// <summary>The request path of the public listener, in one method: refuse what cannot be forwarded, match, respond or pick
/// an endpoint, forward, map errors.</summary>
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
    /// 0. refuse a tunnel                   ── CONNECT ──────────────────► 501 problem, connection closed (Debug log)
    /// 1. take the current snapshot once   ── none loaded ──────────────► 503 problem
    /// 2. match host/path/method/headers   ── no route ─────────────────► 404 problem (Debug log)
    /// 3. TRACE the route does not name?   ── yes ─────────────────────► 405 problem + Allow (Debug log)
    /// 4. respond route?                   ── yes ─────────────────────► status + body with captured values
    /// 5. pick an endpoint (balancer)      ── upstream has none ────────► 503 problem (Warning log)
    /// 6. forward through IHttpForwarder   ── streams both bodies; WebSocket upgrades pass through
    /// 7. ForwarderError → status + log    ── 502 unreachable/reset, 504 timeout, client abort: Debug only
    /// </code>
    /// Failures are values (a <see cref="ForwarderError"/>, a missing match), never exceptions. Steps 0 and 3 are in
    /// <see cref="MethodRules"/>.
    /// </remarks>
    public async Task InvokeAsync(HttpContext context)
    {
        // 0. CONNECT asks for a tunnel; YARP's forwarder would throw for it and the client would get a 502 blaming the upstream.
        if (MethodRules.IsTunnel(context))
        {
            Log.TunnelRefused(_logger, context.Request.Host.Value ?? string.Empty);
            await RefuseTunnelAsync(context);
            return;
        }

        // 1. The request keeps this snapshot to the end, even if a reload replaces it meanwhile.
        var table = _tables.Current;
        if (table is null)
        {
            Log.NoRouteTable(_logger);
            await ProblemResponse.NoRouteTable.WriteAsync(context);
            return;
        }

        // 2. Match. RouteRequest is a view over strings Kestrel already holds; matching allocates nothing.
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

        // 3. TRACE echoes the request, credentials included, so it passes only where the route's author named it.
        if (MethodRules.IsUnnamedTrace(context.Request.Method, route.Route))
        {
            Log.TraceNotAllowed(_logger, context.Request.Path.Value ?? "/", route.Name);
            context.Response.Headers.Allow = MethodRules.AllowExceptTrace;
            await ProblemResponse.TraceNotAllowed.WriteAsync(context);
            return;
        }

        // 4. Respond routes answer here, like nginx `return`.
        if (route.Respond is { } respond)
        {
            await respond.WriteAsync(context, match);
            return;
        }

        // 5. Pick an endpoint from the upstream's current endpoint array.
        var upstream = route.Upstream!;
        var endpoint = upstream.Pick();
        if (endpoint is null)
        {
            Log.NoEndpoint(_logger, route.Name, upstream.Name);
            await ProblemResponse.NoEndpoint.WriteAsync(context);
            return;
        }

        // 6. Forward. The in-flight count covers the whole exchange, body streaming included, for least-requests and p2c.
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

        // 7. Map a failure to a status code and one log line.
        if (error != ForwarderError.None)
        {
            await ForwardErrors.ReportAsync(context, error, route, endpoint, _logger);
        }
    }

    // An HTTP/1.1 client may send tunnel bytes right after its CONNECT; on a kept-alive connection Kestrel would parse
    // them as the next request, so the connection closes after the answer.
    private static Task RefuseTunnelAsync(HttpContext context)
    {
        if (!HttpProtocol.IsHttp2(context.Request.Protocol) && !HttpProtocol.IsHttp3(context.Request.Protocol))
        {
            context.Response.Headers.Connection = "close";
        }

        return ProblemResponse.TunnelNotImplemented.WriteAsync(context);
    }
}

using Gateway.Responses;
using Gateway.Routing;

namespace Gateway.Admin;

/// <summary>Serves the admin listener: <c>/healthz</c> (alive) and <c>/readyz</c> (a route table is loaded).</summary>
/// <remarks>Only requests that arrive on the admin port reach this handler, so probes and operator endpoints are never
/// exposed on the public listener, and public routes can use these paths freely.</remarks>
public sealed class AdminHandler
{
    private static readonly byte[] Ok = "ok\n"u8.ToArray();
    private static readonly byte[] NotReady = "no route table loaded\n"u8.ToArray();

    private readonly RouteTableHolder _tables;

    /// <summary>Creates the handler over the route table holder that readiness reports on.</summary>
    public AdminHandler(RouteTableHolder tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _tables = tables;
    }

    /// <summary>Answers one admin request.</summary>
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        return path switch
        {
            // Liveness: the process is serving requests; nothing else is checked, so a restart is never triggered by a dependency.
            "/healthz" => WriteText(context, StatusCodes.Status200OK, Ok),

            // Readiness: take traffic only with a route table to route by.
            "/readyz" => _tables.IsLoaded
                ? WriteText(context, StatusCodes.Status200OK, Ok)
                : WriteText(context, StatusCodes.Status503ServiceUnavailable, NotReady),

            _ => ProblemResponse.NoRoute.WriteAsync(context),
        };
    }

    private static Task WriteText(HttpContext context, int status, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength = body.Length;
        response.Headers.CacheControl = "no-store";
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }
}

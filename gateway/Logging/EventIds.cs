namespace Gateway.Logging;

/// <summary>Every event id the gateway logs, in one place, so ids stay unique and searchable.</summary>
/// <remarks>Constants rather than <c>EventId</c> values because <c>[LoggerMessage]</c> takes an attribute argument.
/// Ranges: 1xx startup and route tables, 2xx the request path, 3xx forwarding, 4xx admin, 6xx CORS and transforms.</remarks>
public static class EventIds
{
    /// <summary>A route table was loaded and is now in use.</summary>
    public const int RouteTableLoaded = 100;

    /// <summary>A route file has errors; one event per diagnostic.</summary>
    public const int RouteFileDiagnostic = 101;

    /// <summary>A route table replaced the one in use.</summary>
    public const int RouteTableSwapped = 102;

    /// <summary>The gateway bound its public and admin listeners.</summary>
    public const int ListenersBound = 103;

    /// <summary>No route matched a request (a client mistake: 404).</summary>
    public const int NoRoute = 200;

    /// <summary>The matched route's upstream has no endpoint to send to (503).</summary>
    public const int NoEndpoint = 201;

    /// <summary>No route table is loaded yet (503).</summary>
    public const int NoRouteTable = 202;

    /// <summary>A request ended; its outcome (Debug, until access logs exist).</summary>
    public const int RequestCompleted = 203;

    /// <summary>Forwarding to an upstream endpoint failed; the level says whose fault it was.</summary>
    public const int ForwardFailed = 300;

    /// <summary>A CORS preflight was refused: its origin, method or a header is not allowed (a client matter: Debug).</summary>
    public const int CorsPreflightRejected = 600;
}

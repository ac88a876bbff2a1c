namespace Gateway.Logging;

/// <summary>Every event id the gateway logs, in one place, so ids stay unique and searchable.</summary>
/// <remarks>Constants rather than <c>EventId</c> values because <c>[LoggerMessage]</c> takes an attribute argument.
/// Ranges: 1xx startup and route tables, 2xx the request path, 3xx forwarding, 4xx admin, 5xx authentication and
/// authorization (51x the <c>jwt</c> and <c>require</c> policies and their key sets).</remarks>
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

    /// <summary>A <c>jwt</c> route got a request without a token (401).</summary>
    public const int TokenMissing = 510;

    /// <summary>A <c>jwt</c> route rejected a token; the reason class, never the token (401).</summary>
    public const int TokenRejected = 511;

    /// <summary>A <c>jwt</c> route has no signing keys to judge a token with (503).</summary>
    public const int SigningKeysUnavailable = 512;

    /// <summary>A <c>jwt</c> route's key file cannot be read or holds no usable key; logged once per table snapshot.</summary>
    public const int KeyFileUnusable = 513;

    /// <summary>Fetching a JWKS failed after it had worked, or the first fetch failed (Warning, once per streak).</summary>
    public const int JwksFetchFailed = 514;

    /// <summary>Fetching a JWKS failed again within a streak of failures (Debug).</summary>
    public const int JwksStillFailing = 515;

    /// <summary>Fetching a JWKS works again after failures.</summary>
    public const int JwksRecovered = 516;

    /// <summary>A JWKS was fetched.</summary>
    public const int JwksFetched = 517;

    /// <summary>A valid token lacks what a <c>require</c> line asks for (403).</summary>
    public const int RequirementNotMet = 518;
}

namespace Gateway.Logging;

/// <summary>Every event id the gateway logs, in one place, so ids stay unique and searchable.</summary>
/// <remarks>Constants rather than <c>EventId</c> values because <c>[LoggerMessage]</c> takes an attribute argument.
/// Ranges: 1xx startup and route tables, 2xx the request path, 3xx forwarding, 4xx admin, 5xx authentication and
/// authorization (51x the <c>jwt</c> and <c>require</c> policies and their key sets, 52x API keys, 54x external
/// authorization), 6xx CORS and transforms, 7xx rate limits.</remarks>
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

    /// <summary>A CONNECT (tunnel) request was answered 501 (a client mistake).</summary>
    public const int TunnelRefused = 203;

    /// <summary>A TRACE matched a route that does not name it and was answered 405 (a client mistake).</summary>
    public const int TraceNotAllowed = 204;

    /// <summary>A request ended; its outcome (Debug, until access logs exist).</summary>
    public const int RequestCompleted = 205;

    /// <summary>Forwarding to an upstream endpoint failed; the level says whose fault it was.</summary>
    public const int ForwardFailed = 300;

    /// <summary>An endpoint failed to connect or timed out, or failed its upstream's <c>outlier</c> count in a row, and gets
    /// no new requests for a while (Warning, once per failure that passes it over, not per request).</summary>
    public const int EndpointPassedOver = 310;

    /// <summary>A request whose attempt failed is sent again, to another endpoint when there is one (Debug).</summary>
    public const int AttemptRetried = 311;

    /// <summary>A retry was not sent because the upstream's retry budget is used up (Debug, per request).</summary>
    public const int RetryBudgetExhausted = 312;

    /// <summary>A route's <c>timeout</c> elapsed before the upstream exchange ended: 504, or an aborted response if it had
    /// started (Warning).</summary>
    public const int RouteTimedOut = 320;

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

    /// <summary>A request to an <c>api-key</c> route carried no key (401).</summary>
    public const int ApiKeyMissing = 520;

    /// <summary>A request carried an API key that is not in the keys file, or more than one (401).</summary>
    public const int ApiKeyRejected = 521;

    /// <summary>A request to an <c>api-key</c> route arrived while its keys file had never been read (503).</summary>
    public const int ApiKeysNotLoaded = 522;

    /// <summary>A keys file was read and its keys are in use.</summary>
    public const int ApiKeysLoaded = 523;

    /// <summary>A keys file cannot be read or is malformed; the keys read before stay in use.</summary>
    public const int ApiKeysKept = 524;

    /// <summary>A keys file cannot be read or is malformed and no keys were ever read: its routes answer 503.</summary>
    public const int ApiKeysUnavailable = 525;

    /// <summary>A line of a keys file was skipped.</summary>
    public const int ApiKeysLineSkipped = 526;

    /// <summary>Checking a keys file failed unexpectedly; the next check tries again.</summary>
    public const int ApiKeysCheckFailed = 527;

    /// <summary>The external authorization service denied a request; its answer went to the client.</summary>
    public const int ExternalAuthDenied = 540;

    /// <summary>The external authorization service could not be asked (timeout, refused, 5xx); once per failure streak.</summary>
    public const int ExternalAuthFailed = 541;

    /// <summary>The external authorization service answers again after a failure streak.</summary>
    public const int ExternalAuthRecovered = 542;

    /// <summary>One request that the external authorization service could not judge, and what the route did with it.</summary>
    public const int ExternalAuthUnavailable = 543;

    /// <summary>An endpoint failed its health check threshold and gets no new requests (Warning, once per change).</summary>
    public const int EndpointUnhealthy = 341;

    /// <summary>An endpoint passed its health check threshold and gets requests again.</summary>
    public const int EndpointHealthy = 342;

    /// <summary>Every endpoint of an upstream is unhealthy (Warning, once per change), and what its requests get.</summary>
    public const int UpstreamAllUnhealthy = 343;

    /// <summary>An upstream whose endpoints were all unhealthy has a healthy one again.</summary>
    public const int UpstreamHealthyAgain = 344;

    /// <summary>A request to an upstream whose endpoints are all unhealthy was answered 503 (Debug, per request).</summary>
    public const int AllUnhealthyRefused = 345;

    /// <summary>One health check failed (Debug; the change of state is logged on its own).</summary>
    public const int HealthCheckFailed = 346;

    /// <summary>An upstream's circuit breaker opened: too many of its attempts failed (Warning, once per opening).</summary>
    public const int BreakerOpened = 355;

    /// <summary>An upstream's circuit breaker let one trial attempt through after its break.</summary>
    public const int BreakerHalfOpened = 356;

    /// <summary>An upstream's circuit breaker closed after a trial attempt succeeded.</summary>
    public const int BreakerClosed = 357;

    /// <summary>A request to an upstream whose circuit breaker is open was answered 503 (Debug, per request).</summary>
    public const int BreakerRefused = 358;

    /// <summary>An upstream at its max-concurrent limit refused a request.</summary>
    public const int UpstreamOverCapacity = 340;

    /// <summary>A mirrored copy of a request failed or timed out (Debug: the client's request is not affected).</summary>
    public const int MirrorFailed = 350;

    /// <summary>A sampled request was not mirrored because the route's copies in flight are at their limit (Debug).</summary>
    public const int MirrorSkipped = 351;

    /// <summary>A request found its rate limit bucket empty and was answered 429 (a client matter: Debug).</summary>
    public const int RateLimited = 700;

    /// <summary>A route's rate limit tracks its most keys, and new keys share one bucket (Warning, once per table).</summary>
    public const int RateLimitKeysFull = 701;

    /// <summary>Redis cannot be asked for global rate limits (Warning, once per change from answering).</summary>
    public const int RedisUnavailable = 702;

    /// <summary>Redis answers again after failing.</summary>
    public const int RedisRecovered = 703;

    /// <summary>A global limit that fails closed answered 503 because Redis cannot be asked (Debug, per request).</summary>
    public const int RateLimitUnavailable = 704;

    /// <summary>A route has a global limit but no Redis address is configured (Warning, once per table).</summary>
    public const int RedisNotConfigured = 705;

    /// <summary>A CORS preflight was refused: its origin, method or a header is not allowed (a client matter: Debug).</summary>
    public const int CorsPreflightRejected = 600;
}

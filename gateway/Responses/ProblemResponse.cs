using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Gateway.Responses;

/// <summary>A small RFC 9457 problem body (<c>application/problem+json</c>) the gateway answers with when it cannot forward.</summary>
/// <remarks>The body is encoded once when the instance is built, so writing one on the hot path allocates nothing;
/// the gateway's own answers are the static instances below.</remarks>
public sealed class ProblemResponse
{
    /// <summary>The media type of problem bodies.</summary>
    public const string ContentType = "application/problem+json";

    /// <summary>404: no route matched.</summary>
    public static readonly ProblemResponse NoRoute = new(StatusCodes.Status404NotFound,
        "No route matches the request's host, path, method, headers and query.");

    /// <summary>405: TRACE to a route that does not name it; the caller adds the Allow header.</summary>
    public static readonly ProblemResponse TraceNotAllowed = new(StatusCodes.Status405MethodNotAllowed,
        "The route does not allow TRACE; a route passes TRACE on only when it names 'method TRACE'.");

    /// <summary>501: CONNECT, a tunnel request; the gateway is not a forward proxy.</summary>
    public static readonly ProblemResponse TunnelNotImplemented = new(StatusCodes.Status501NotImplemented,
        "The gateway does not open tunnels (CONNECT); it is an API gateway, not a forward proxy.");

    /// <summary>503: the route's upstream has no endpoints.</summary>
    public static readonly ProblemResponse NoEndpoint = new(StatusCodes.Status503ServiceUnavailable,
        "The route's upstream has no endpoints to send the request to.");

    /// <summary>503: the route's upstream has its most requests in flight.</summary>
    public static readonly ProblemResponse OverCapacity = new(StatusCodes.Status503ServiceUnavailable,
        "The route's upstream is at its concurrency limit; try again later.");

    /// <summary>503: every endpoint of the route's upstream fails its health checks.</summary>
    public static readonly ProblemResponse AllUnhealthy = new(StatusCodes.Status503ServiceUnavailable,
        "Every endpoint of the route's upstream is failing its health checks.");

    /// <summary>503: the upstream endpoint answered 503, and the request could not be retried.</summary>
    public static readonly ProblemResponse UpstreamUnavailable = new(StatusCodes.Status503ServiceUnavailable,
        "The upstream endpoint answered 503, and the request could not be retried.");

    /// <summary>The problem that stands for an upstream's 502, 503 or 504 whose answer was held back for a retry.</summary>
    public static ProblemResponse ForUpstreamStatus(int status) => status switch
    {
        502 => BadGateway,
        504 => GatewayTimeout,
        _ => UpstreamUnavailable,
    };
    /// <summary>503: the circuit breaker of the route's upstream is open after too many failures.</summary>
    public static readonly ProblemResponse BreakerOpen = new(StatusCodes.Status503ServiceUnavailable,
        "The route's upstream failed too often and its circuit breaker is open; try again later.");

    /// <summary>503: no route table is loaded yet.</summary>
    public static readonly ProblemResponse NoRouteTable = new(StatusCodes.Status503ServiceUnavailable,
        "The gateway has no route table loaded yet.");

    /// <summary>502: the upstream endpoint could not be reached, or failed mid-request.</summary>
    public static readonly ProblemResponse BadGateway = new(StatusCodes.Status502BadGateway,
        "The upstream endpoint could not be reached or failed while answering.");

    /// <summary>504: the upstream endpoint did not answer in time.</summary>
    public static readonly ProblemResponse GatewayTimeout = new(StatusCodes.Status504GatewayTimeout,
        "The upstream endpoint did not answer in time.");

    /// <summary>401: the route needs a bearer token and the request carries none.</summary>
    public static readonly ProblemResponse MissingToken = new(StatusCodes.Status401Unauthorized,
        "The route needs a bearer token.");

    /// <summary>401: the token is not valid; the body says no more, so it teaches an attacker nothing.</summary>
    public static readonly ProblemResponse InvalidToken = new(StatusCodes.Status401Unauthorized,
        "The token is not valid.");

    /// <summary>403: the token is valid but lacks a scope or claim value the route requires.</summary>
    public static readonly ProblemResponse InsufficientScope = new(StatusCodes.Status403Forbidden,
        "The token does not grant access to this route.");

    /// <summary>503: the route's signing keys could not be had, so the gateway cannot judge the token.</summary>
    public static readonly ProblemResponse SigningKeysUnavailable = new(StatusCodes.Status503ServiceUnavailable,
        "The gateway cannot check the token now: the route's signing keys are unavailable.");

    /// <summary>401: an <c>api-key</c> route got a request without a key.</summary>
    public static readonly ProblemResponse ApiKeyMissing = new(StatusCodes.Status401Unauthorized,
        "The route needs an API key, and the request carries none.");

    /// <summary>401: an <c>api-key</c> route got a key that is not valid.</summary>
    public static readonly ProblemResponse ApiKeyInvalid = new(StatusCodes.Status401Unauthorized,
        "The request's API key is not valid.");

    /// <summary>503: the route's keys file has never been read, so the gateway cannot judge any key.</summary>
    public static readonly ProblemResponse ApiKeysUnavailable = new(StatusCodes.Status503ServiceUnavailable,
        "The gateway cannot check API keys for this route right now.");

    /// <summary>503: the route's external authorization service could not be asked, and the route fails closed.</summary>
    public static readonly ProblemResponse ExternalAuthUnavailable = new(StatusCodes.Status503ServiceUnavailable,
        "The gateway could not ask the authorization service about the request.");

    /// <summary>429: the route's rate limit has no token left for the request's key; Retry-After says when it will.</summary>
    public static readonly ProblemResponse RateLimited = new(StatusCodes.Status429TooManyRequests,
        "The route's rate limit is used up; retry after the number of seconds in Retry-After.");

    /// <summary>503: a global rate limit that fails closed cannot count the request, since Redis cannot be asked.</summary>
    public static readonly ProblemResponse RateLimitUnavailable = new(StatusCodes.Status503ServiceUnavailable,
        "The gateway cannot count the request against the route's rate limit right now.");

    /// <summary>403: a CORS preflight from an origin the route does not allow.</summary>
    public static readonly ProblemResponse CorsOriginRejected = new(StatusCodes.Status403Forbidden,
        "The route does not allow cross-origin requests from this origin.");

    /// <summary>403: a CORS preflight for a method the route does not allow.</summary>
    public static readonly ProblemResponse CorsMethodRejected = new(StatusCodes.Status403Forbidden,
        "The route does not allow this method in cross-origin requests.");

    /// <summary>403: a CORS preflight naming a request header the route does not allow.</summary>
    public static readonly ProblemResponse CorsHeadersRejected = new(StatusCodes.Status403Forbidden,
        "The route does not allow one of the requested headers in cross-origin requests.");

    private readonly byte[] _body;

    /// <summary>Encodes a problem with the status's reason phrase as its title.</summary>
    public ProblemResponse(int status, string? detail)
    {
        Status = status;
        _body = Format(status, ReasonPhrases.GetReasonPhrase(status), detail);
    }

    /// <summary>The HTTP status code.</summary>
    public int Status { get; }

    /// <summary>The encoded JSON body.</summary>
    public ReadOnlyMemory<byte> Body => _body;

    /// <summary>Writes status, content type and body, unless the response has already started (then it can only be aborted).</summary>
    public Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.StatusCode = Status;
        response.ContentType = ContentType;
        response.ContentLength = _body.Length;
        return response.Body.WriteAsync(_body, context.RequestAborted).AsTask();
    }

    /// <summary>Encodes <c>{type, title, status, detail?}</c>.</summary>
    public static byte[] Format(int status, string title, string? detail)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        // Relaxed escaping keeps "route's" readable instead of "route\u0027s"; the body is JSON for API clients, never
        // inlined in HTML, which is what the default escaping guards against.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("type", TypeFor(status));
            json.WriteString("title", title);
            json.WriteNumber("status", status);
            if (detail is not null)
            {
                json.WriteString("detail", detail);
            }

            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // The RFC 9110 section that defines the status, as ASP.NET Core's own problem details do; about:blank otherwise (RFC 9457 §4.2.1).
    private static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        501 => "https://tools.ietf.org/html/rfc9110#section-15.6.2",
        502 => "https://tools.ietf.org/html/rfc9110#section-15.6.3",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        504 => "https://tools.ietf.org/html/rfc9110#section-15.6.5",
        _ => "about:blank",
    };
}

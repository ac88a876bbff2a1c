using Gateway.Upstreams;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Forwarding;

/// <summary>The retry every route has with nothing configured, as nginx's <c>proxy_next_upstream error timeout</c>:
/// an idempotent request whose connection to one endpoint failed is sent once more, to another endpoint.</summary>
/// <remarks>
/// A connect failure means nothing reached the endpoint, and the request body has not been read, so sending again is
/// safe for GET, HEAD, OPTIONS, PUT, DELETE and TRACE (RFC 9110, section 9.2.2). POST and PATCH are not re-sent: the
/// client decides. A timeout or a reset is not retried: the endpoint may have acted on the request.
/// </remarks>
public static class DefaultRetry
{
    /// <summary>Whether <paramref name="attempt"/> should be sent again on another endpoint of <paramref name="upstream"/>.</summary>
    public static bool Applies(HttpContext context, in AttemptOutcome attempt, UpstreamPool upstream) =>
        attempt.Failure == AttemptFailure.ConnectFailure
        && !context.Response.HasStarted
        && !context.RequestAborted.IsCancellationRequested
        && IsIdempotent(context.Request.Method)
        && upstream.Endpoints.Current.Length > 1;

    /// <summary>Whether <paramref name="method"/> is idempotent (RFC 9110, section 9.2.2).</summary>
    public static bool IsIdempotent(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsPut(method)
        || HttpMethods.IsDelete(method) || HttpMethods.IsTrace(method);

    /// <summary>Undoes what the failed attempt left on the response: YARP's error status and error feature. Headers
    /// stay: a failed connect copied none, and those a policy set before forwarding belong to the answer.</summary>
    public static void Reset(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Features.Set<IForwarderErrorFeature>(null);
    }
}

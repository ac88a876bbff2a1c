using Gateway.Logging;
using Gateway.Pipeline;
using Gateway.Responses;
using Gateway.Routing;
using Gateway.Upstreams;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Forwarding;

/// <summary>Maps each <see cref="ForwarderError"/> to a status code and one structured log line: failures on the request path are values, not exceptions.</summary>
/// <remarks>
/// Upstream trouble (refused or reset connections, timeouts, broken bodies) is the operator's concern: Warning, with
/// 502 or 504. A client that disconnects or sends a broken body is nobody's incident: Debug, and no body, since no one
/// is there to read it. Nothing here logs at Error, so error-level logs stay for faults in the gateway itself.
/// </remarks>
public static class ForwardErrors
{
    private static readonly ForwardErrorOutcome UpstreamFailed = new(ProblemResponse.BadGateway, LogLevel.Warning, OutcomeReason.UpstreamFailed);
    private static readonly ForwardErrorOutcome UpstreamTimedOut = new(ProblemResponse.GatewayTimeout, LogLevel.Warning, OutcomeReason.UpstreamTimedOut);
    private static readonly ForwardErrorOutcome ClientGone = new(StatusCodes.Status400BadRequest, LogLevel.Debug, Problem: null, OutcomeReason.ClientAborted);

    /// <summary>The outcome for <paramref name="error"/>; <see cref="ForwarderError.None"/> is not an error and maps to 200.</summary>
    public static ForwardErrorOutcome Classify(ForwarderError error) => error switch
    {
        ForwarderError.None => new(StatusCodes.Status200OK, LogLevel.None, Problem: null, OutcomeReason.Forwarded),

        // Could not connect, the connection was reset, or the upstream's answer was unusable.
        ForwarderError.Request or ForwarderError.RequestCreation or ForwarderError.ResponseHeaders
            or ForwarderError.RequestBodyDestination or ForwarderError.ResponseBodyDestination
            or ForwarderError.UpgradeRequestDestination or ForwarderError.UpgradeResponseDestination => UpstreamFailed,

        // ForwarderRequestConfig.ActivityTimeout elapsed with no progress (Gateway:UpstreamTimeout), a WebSocket went idle,
        // or the route's timeout elapsed (RouteDeadline turns YARP's cancel into RequestTimedOut).
        ForwarderError.RequestTimedOut or ForwarderError.UpgradeActivityTimeout => UpstreamTimedOut,

        // The client aborted or broke its side of the exchange.
        ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient
            or ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient
            or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeRequestClient
            or ForwarderError.UpgradeResponseCanceled or ForwarderError.UpgradeResponseClient => ClientGone,

        ForwarderError.NoAvailableDestinations => new(ProblemResponse.NoEndpoint, LogLevel.Warning, OutcomeReason.NoEndpoint),

        // An error added by a later YARP version: treat it as the upstream's, the safe default for a status code.
        _ => UpstreamFailed,
    };

    /// <summary>Logs the failure once and, if the response has not started and the client is still there, answers with a problem.</summary>
    public static Task ReportAsync(HttpContext context, ForwarderError error, RouteEntry route, EndpointState endpoint, ILogger logger) =>
        ReportAsync(context, error, Classify(error), route, endpoint, logger);

    /// <summary>Logs the failure once and answers with <paramref name="outcome"/>'s problem when it has one.</summary>
    public static Task ReportAsync(HttpContext context, ForwarderError error, ForwardErrorOutcome outcome, RouteEntry route, EndpointState endpoint, ILogger logger)
    {
        if (logger.IsEnabled(outcome.Level))
        {
            // YARP records the exception behind the error in this feature.
            var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
            var status = context.Response.HasStarted ? context.Response.StatusCode : outcome.StatusCode;
            var reason = exception?.GetBaseException().Message ?? "no exception recorded";
            Log.ForwardFailed(logger, outcome.Level, context.Request.Method, context.Request.Path.Value ?? "/", route.Name,
                endpoint.Address, error.ToString(), reason, status);
        }

        return AnswerAsync(context, outcome, route);
    }

    /// <summary>Answers with <paramref name="outcome"/>'s problem, with the route's response policies, unless it has none
    /// or the response has started; logs nothing (the caller has).</summary>
    public static Task AnswerAsync(HttpContext context, ForwardErrorOutcome outcome, RouteEntry route)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(route);
        if (outcome.Problem is not { } problem || context.Response.HasStarted)
        {
            // Either no one is listening, or the status line is already sent and YARP has aborted the response.
            return Task.CompletedTask;
        }

        // A route's CORS and header edits apply to the gateway's own answers too.
        if (context.Features.Get<RequestContext>() is { } request)
        {
            route.ApplyResponsePolicies(request);
        }

        return problem.WriteAsync(context);
    }
}

using Gateway.Logging;
using Gateway.Pipeline;
using Gateway.Policies;
using Gateway.Responses;
using Gateway.Upstreams;

namespace Gateway.Forwarding;

/// <summary>The answer to a request its upstream refused before trying any endpoint: one 503 problem per
/// <see cref="UpstreamRefusal"/>, never blaming an endpoint that was not tried.</summary>
public static class RefusalAnswers
{
    /// <summary>Logs the refusal and answers it.</summary>
    public static ValueTask<PolicyResult> AnswerAsync(RequestContext request, UpstreamPool upstream, UpstreamRefusal refusal, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(upstream);
        var route = request.Route!.Name;
        switch (refusal)
        {
            case UpstreamRefusal.OverCapacity:
                // Per request, so Debug: an overload must not also flood the log.
                Log.UpstreamOverCapacity(logger, route, upstream.Name);
                return request.AnswerAsync(ProblemResponse.OverCapacity, OutcomeReason.OverCapacity);
            case UpstreamRefusal.BreakerOpen:
                // Per request, so Debug: the Warning is logged once, when the breaker opens.
                Log.BreakerRefused(logger, route, upstream.Name);
                return request.AnswerAsync(ProblemResponse.BreakerOpen, OutcomeReason.BreakerOpen);
            case UpstreamRefusal.AllUnhealthy:
                Log.AllUnhealthyRefused(logger, route, upstream.Name);
                return request.AnswerAsync(ProblemResponse.AllUnhealthy, OutcomeReason.NoHealthyEndpoint);
            default:
                Log.NoEndpoint(logger, route, upstream.Name);
                return request.AnswerAsync(ProblemResponse.NoEndpoint, OutcomeReason.NoEndpoint);
        }
    }
}

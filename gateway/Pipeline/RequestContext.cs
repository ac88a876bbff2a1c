using System.Text;
using Gateway.Dsl.Model;
using Gateway.Responses;
using Gateway.Routing;
using Gateway.Upstreams;

namespace Gateway.Pipeline;

/// <summary>Everything the gateway knows about one request on its way through: the snapshot, the route and its
/// captures, the chosen endpoint, the caller's identity, and how it ended.</summary>
/// <remarks>One per request, reachable from the <see cref="HttpContext"/> as a feature so the forwarding transformer can
/// read the captures. The outcome is set in one place per exit and read once at the end of the request, so logs and
/// metrics see one value.</remarks>
public sealed class RequestContext
{
    private RouteMatch _match;

    /// <summary>Starts the context of <paramref name="http"/> on <paramref name="snapshot"/>.</summary>
    public RequestContext(HttpContext http, RouteTableSnapshot? snapshot)
    {
        ArgumentNullException.ThrowIfNull(http);
        Http = http;
        Snapshot = snapshot;
        _match = RouteMatch.None;
    }

    /// <summary>The ASP.NET Core request.</summary>
    public HttpContext Http { get; }

    /// <summary>The route table the request uses to its end, or null when none is loaded.</summary>
    public RouteTableSnapshot? Snapshot { get; }

    /// <summary>The matched route, or null before matching or when none matched.</summary>
    public RouteEntry? Route { get; private set; }

    /// <summary>The match: route index and captured values as ranges into <see cref="Path"/>.</summary>
    public ref readonly RouteMatch Match => ref _match;

    /// <summary>The decoded request path the captures point into.</summary>
    public string Path => Http.Request.Path.Value ?? "/";

    /// <summary>The upstream the route chose for the request, with its transformer; null until the request is forwarded.</summary>
    public RouteTarget? Target { get; set; }

    /// <summary>The endpoint the request is forwarded to, once chosen.</summary>
    public EndpointState? Endpoint { get; set; }

    /// <summary>The route's <c>timeout</c> while the request is being forwarded; null when the route has none.</summary>
    public Forwarding.RouteDeadline? Deadline { get; set; }

    /// <summary>Who the caller is, once an authentication policy has established it.</summary>
    public CallerIdentity? Identity { get; set; }

    /// <summary>What the route's rate limit decided about the request, once it has; its response carries the counts.</summary>
    public RateLimiting.RateLimitDecision? RateLimit { get; set; }

    /// <summary>The upstream statuses the current attempt holds back for a retry instead of passing on (set by the
    /// request path before each attempt, read by the route's transformer).</summary>
    public Dsl.Model.RetryConditions HoldStatuses { get; set; }

    /// <summary>Whether the current attempt's status was held back: the response has its status code and nothing else.</summary>
    public bool StatusHeld { get; set; }

    /// <summary>How the request ended, or <see cref="RequestOutcome.Pending"/>.</summary>
    public RequestOutcome Outcome { get; private set; }

    /// <summary>The text of capture <paramref name="index"/>.</summary>
    public ReadOnlySpan<char> Capture(int index) => _match.GetCaptureText(index, Path);

    /// <summary>The text of a template with captures (a <c>rewrite</c> or <c>redirect</c> path): literal parts as written,
    /// captures as this request's decoded text.</summary>
    public string Expand(IReadOnlyList<TemplatePart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.IsCapture)
            {
                builder.Append(Capture(part.CaptureIndex));
            }
            else
            {
                builder.Append(part.Text);
            }
        }

        return builder.ToString();
    }

    /// <summary>Records the matched route.</summary>
    public void Matched(RouteEntry route, in RouteMatch match)
    {
        Route = route;
        _match = match;
    }

    /// <summary>Records that the gateway answered, with <paramref name="status"/>, for <paramref name="reason"/>.</summary>
    public void Answered(int status, OutcomeReason reason) => Outcome = new RequestOutcome(Answerer.Gateway, status, reason);

    /// <summary>Records that the upstream answered (or failed), with <paramref name="status"/>.</summary>
    public void Forwarded(int status, OutcomeReason reason) => Outcome = new RequestOutcome(Answerer.Upstream, status, reason);

    /// <summary>Answers with a problem body: the route's response policies (CORS, header edits) run first, so even a
    /// rejection carries them. Returns <see cref="Policies.PolicyResult.Answered"/> for a policy to pass on.</summary>
    public async ValueTask<Policies.PolicyResult> AnswerAsync(ProblemResponse problem, OutcomeReason reason)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Answered(problem.Status, reason);
        if (!Http.Response.HasStarted)
        {
            Route?.ApplyResponsePolicies(this);
        }

        await problem.WriteAsync(Http);
        return Policies.PolicyResult.Answered;
    }
}

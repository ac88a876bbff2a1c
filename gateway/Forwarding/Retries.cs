using Gateway.Dsl.Model;
using Gateway.Pipeline;
using Gateway.Routing;
using Gateway.Upstreams;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Forwarding;

/// <summary>Whether a failed attempt is sent again: the route's <c>retry</c>, or without one the default retry
/// (<see cref="DefaultRetry"/>), and in both cases only within the upstream's <see cref="RetryBudget"/>.</summary>
/// <remarks>
/// A retry never follows a response that has started (its status line is gone), a client that left, or a refusal. A
/// request body is sent again only from a buffer: a body of up to <see cref="MaxReplayBytes"/> with a declared
/// <c>Content-Length</c> is buffered before the first attempt on a route with <c>retry</c>; a larger or chunked body is
/// retried only after a connect failure, when nothing of it was read. An attempt whose status a retry may want is held
/// back by the route's transformer (its body is never copied), so the client sees only the last attempt's answer.
/// </remarks>
public static class Retries
{
    /// <summary>The largest request body that is buffered so that it can be sent again.</summary>
    public const int MaxReplayBytes = 64 * 1024;

    /// <summary>Buffers the request body of a route whose <c>retry</c> covers the request's method when it is small
    /// enough; returns whether a retry can send the body again (true as well when there is no body).</summary>
    public static bool PrepareBody(HttpRequest request, RetryPolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HasBody(request))
        {
            return true;
        }

        if (policy is null || request.ContentLength is not { } length || length > MaxReplayBytes
            || (policy.Methods & MethodBits.Of(request.Method)) == MethodSet.None)
        {
            return false;
        }

        request.EnableBuffering(MaxReplayBytes, MaxReplayBytes);
        return true;
    }

    /// <summary>The statuses the attempt after <paramref name="retriesSoFar"/> retries may hold back for a retry;
    /// <see cref="RetryConditions.None"/> when it is the last one the route allows, or <paramref name="upstream"/>'s
    /// retry budget has no room (then the upstream's own answer reaches the client).</summary>
    public static RetryConditions HeldStatuses(HttpContext context, UpstreamPool upstream, RetryPolicy? policy, int retriesSoFar, bool bodyReplayable) =>
        policy is not null && retriesSoFar < policy.Retries && bodyReplayable && (policy.On & RetryConditions.Statuses) != RetryConditions.None
            && (policy.Methods & MethodBits.Of(context.Request.Method)) != MethodSet.None && upstream.RetryBudget.CanRetry()
            ? policy.On & RetryConditions.Statuses
            : RetryConditions.None;

    /// <summary>Whether <paramref name="attempt"/>, after <paramref name="retriesSoFar"/> retries, is to be sent again
    /// (before the budget is asked).</summary>
    public static bool Applies(HttpContext context, in AttemptOutcome attempt, UpstreamPool upstream, RetryPolicy? policy, int retriesSoFar, bool bodyReplayable)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(upstream);
        if (attempt.WasRefused || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        if (policy is null)
        {
            return retriesSoFar == 0 && DefaultRetry.Applies(context, attempt, upstream);
        }

        var condition = ConditionOf(attempt);
        if (retriesSoFar >= policy.Retries || (policy.On & condition) == RetryConditions.None
            || (policy.Methods & MethodBits.Of(context.Request.Method)) == MethodSet.None)
        {
            return false;
        }

        // After a connect failure nothing of the body was read; after anything else it was, and only a buffer has it.
        return condition == RetryConditions.ConnectFailure || bodyReplayable;
    }

    /// <summary>The retry condition an attempt met, or <see cref="RetryConditions.None"/>.</summary>
    public static RetryConditions ConditionOf(in AttemptOutcome attempt) => attempt.Failure switch
    {
        AttemptFailure.ConnectFailure => RetryConditions.ConnectFailure,
        AttemptFailure.Reset => RetryConditions.Reset,
        AttemptFailure.Timeout => RetryConditions.Timeout,
        AttemptFailure.None => StatusCondition(attempt.Status),
        _ => RetryConditions.None,
    };

    /// <summary>The condition of a status the transformer may hold back.</summary>
    public static RetryConditions StatusCondition(int status) => status switch
    {
        502 => RetryConditions.Status502,
        503 => RetryConditions.Status503,
        504 => RetryConditions.Status504,
        _ => RetryConditions.None,
    };

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based): full jitter over an exponential back-off
    /// of <paramref name="backoff"/> × 2^(retry−1), at most ten times <paramref name="backoff"/> (Envoy's retry back-off).</summary>
    public static TimeSpan Delay(TimeSpan backoff, int retry)
    {
        var ceiling = Math.Min(backoff.TotalMilliseconds * Math.Pow(2, retry - 1), backoff.TotalMilliseconds * 10);
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
    }

    /// <summary>Undoes what the failed attempt left on the response and rewinds a buffered body.</summary>
    public static void Reset(RequestContext request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = request.Http;
        request.StatusHeld = false;
        DefaultRetry.Reset(context);
        context.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = null;
        if (context.Request.Body.CanSeek)
        {
            context.Request.Body.Position = 0;
        }
    }

    /// <summary>Whether the request has a body; Kestrel knows it for every protocol (an HTTP/2 or HTTP/3 body needs
    /// neither Content-Length nor Transfer-Encoding), and the headers say it for a hand-made context.</summary>
    private static bool HasBody(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
        ?? (request.ContentLength is > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0));
}

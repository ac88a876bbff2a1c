using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Forwarding;

/// <summary>A route's <c>timeout</c> for one request: a token that fires when the time is up, and whether it fired
/// while the client was still there.</summary>
/// <remarks>
/// The token is passed to <see cref="IHttpForwarder"/>'s <c>SendAsync</c>, which links it with
/// <see cref="HttpContext.RequestAborted"/> into the source it cancels the upstream request and both body copies with.
/// YARP cannot tell the two apart and reports either as the client's cancel (<see cref="ForwarderError.RequestCanceled"/>
/// before the response, <see cref="ForwarderError.ResponseBodyCanceled"/> after; see
/// https://github.com/dotnet/yarp/blob/v2.3.0/src/ReverseProxy/Forwarder/HttpForwarder.cs, <c>HandleRequestFailureAsync</c>),
/// so <see cref="Classify"/> turns it back into a timeout. Whether the client was there is read when the timer fires,
/// not afterwards: once YARP aborts a started response, <see cref="HttpContext.RequestAborted"/> is cancelled too.
/// </remarks>
public sealed class RouteDeadline : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly CancellationToken _requestAborted;
    private readonly ITimer _timer;
    private volatile bool _elapsed;

    private RouteDeadline(TimeSpan timeout, CancellationToken requestAborted, TimeProvider time)
    {
        Timeout = timeout;
        _requestAborted = requestAborted;

        // A timer of its own rather than CancelAfter: Elapsed must be settled before the token's callbacks run, since
        // YARP's (registered later, so run first) may abort the response and so cancel RequestAborted.
        _timer = time.CreateTimer(static state => ((RouteDeadline)state!).Fire(), this, timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    /// <summary>The route's timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Cancelled when the timeout elapses.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Whether the timeout elapsed while the client was still connected.</summary>
    public bool Elapsed => _elapsed;

    /// <summary>Starts the deadline of one request, or returns null when the route has no timeout.</summary>
    public static RouteDeadline? Start(TimeSpan? timeout, HttpContext context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(time);
        return timeout is { } value ? new RouteDeadline(value, context.RequestAborted, time) : null;
    }

    /// <summary>The error of an attempt as the gateway sees it: a cancel that the elapsed deadline caused is
    /// <see cref="ForwarderError.RequestTimedOut"/>; anything else is <paramref name="error"/>.</summary>
    public ForwarderError Classify(ForwarderError error) =>
        _elapsed && error is ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.ResponseBodyCanceled
            or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeResponseCanceled
            ? ForwarderError.RequestTimedOut
            : error;

    /// <inheritdoc/>
    public void Dispose()
    {
        _timer.Dispose();
        _source.Dispose();
    }

    /// <summary>Runs on a timer thread: notes whether the client is still there, then cancels the exchange.</summary>
    private void Fire()
    {
        _elapsed = !_requestAborted.IsCancellationRequested;
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The request ended as the timer fired; nothing is left to cancel.
        }
    }
}

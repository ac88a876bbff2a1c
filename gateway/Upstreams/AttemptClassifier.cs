using System.Net.Sockets;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Upstreams;

/// <summary>Tells apart the transport failures YARP reports as one <see cref="ForwarderError"/>: a connect failure
/// (nothing was sent, safe to send again) from a reset after sending, a timeout, or a client that left.</summary>
public static class AttemptClassifier
{
    /// <summary>The failure behind <paramref name="error"/>, looking at the exception YARP recorded on
    /// <paramref name="context"/>.</summary>
    public static AttemptFailure Classify(HttpContext context, ForwarderError error)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (error)
        {
            case ForwarderError.None:
                return AttemptFailure.None;
            case ForwarderError.RequestTimedOut:
                return AttemptFailure.Timeout;
            case ForwarderError.RequestCanceled or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyClient
                or ForwarderError.ResponseBodyCanceled or ForwarderError.ResponseBodyClient
                or ForwarderError.UpgradeRequestCanceled or ForwarderError.UpgradeRequestClient
                or ForwarderError.UpgradeResponseCanceled or ForwarderError.UpgradeResponseClient:
                return AttemptFailure.ClientAborted;
            case ForwarderError.Request:
                return IsConnectFailure(context.Features.Get<IForwarderErrorFeature>()?.Exception) ? AttemptFailure.ConnectFailure : AttemptFailure.Reset;
            default:
                return AttemptFailure.Other;
        }
    }

    /// <summary>Whether <paramref name="exception"/> says no connection was made.</summary>
    /// <remarks>A connect that outlived its connect timeout is one: <see cref="Forwarding.ForwarderClient"/> fails it with
    /// a <see cref="TimeoutException"/>, which the handler wraps in <see cref="HttpRequestError.ConnectionError"/>.</remarks>
    public static bool IsConnectFailure(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
            {
                return true;
            }

            if (current is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TimedOut or SocketError.HostNotFound })
            {
                return true;
            }
        }

        return false;
    }
}

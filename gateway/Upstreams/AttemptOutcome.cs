using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Upstreams;

/// <summary>The result of one attempt to forward a request to an upstream: which endpoint it went to, what came back,
/// or why no endpoint was tried.</summary>
/// <param name="Endpoint">The endpoint tried, or null when the upstream refused before choosing one.</param>
/// <param name="Error">YARP's error for the attempt; <see cref="ForwarderError.None"/> when the endpoint answered.</param>
/// <param name="Failure">The transport failure, classified.</param>
/// <param name="Status">The endpoint's status code when <paramref name="Failure"/> is <see cref="AttemptFailure.None"/>;
/// otherwise 0.</param>
/// <param name="Refusal">Why the upstream refused to try any endpoint, or <see cref="UpstreamRefusal.None"/>.</param>
public readonly record struct AttemptOutcome(EndpointState? Endpoint, ForwarderError Error, AttemptFailure Failure, int Status, UpstreamRefusal Refusal)
{
    /// <summary>An attempt that never left the gateway because the upstream refused it.</summary>
    public static AttemptOutcome Refused(UpstreamRefusal refusal) => new(null, ForwarderError.None, AttemptFailure.None, 0, refusal);

    /// <summary>How long this attempt's failure made the upstream pass the endpoint over, or zero.</summary>
    public TimeSpan PassedOverFor { get; init; }

    /// <summary>Whether this attempt's failure made the upstream pass the endpoint over for a while.</summary>
    public bool PassedOver => PassedOverFor > TimeSpan.Zero;

    /// <summary>Whether the upstream refused before trying an endpoint.</summary>
    public bool WasRefused => Refusal != UpstreamRefusal.None;
}

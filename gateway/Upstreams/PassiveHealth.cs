namespace Gateway.Upstreams;

/// <summary>Passive health: an endpoint that fails to connect, or times out, is passed over for a while, as nginx's
/// <c>max_fails=1 fail_timeout=10s</c> does by default.</summary>
/// <remarks>
/// A 5xx answer does not count: the endpoint is reachable and answered. Never more than <see cref="MaxShare"/> of an
/// upstream's endpoints (at least one) are passed over at once, so a shared outage (the network, a dependency of every
/// endpoint) cannot empty the upstream; when every other endpoint is passed over too, the balancer's choice stands.
/// </remarks>
/// <param name="Duration">How long a failed endpoint gets no new requests.</param>
/// <param name="MaxShare">The largest share of an upstream's endpoints passed over at once, in (0, 1].</param>
public sealed record PassiveHealth(TimeSpan Duration, double MaxShare)
{
    /// <summary>The default for every upstream: 10 s, at most half of the endpoints.</summary>
    public static readonly PassiveHealth Default = new(TimeSpan.FromSeconds(10), 0.5);

    /// <summary>Whether <paramref name="failure"/> counts against the endpoint.</summary>
    public static bool Counts(AttemptFailure failure) => failure is AttemptFailure.ConnectFailure or AttemptFailure.Timeout;

    /// <summary>How many of <paramref name="count"/> endpoints may be passed over at once.</summary>
    public int Allowed(int count) => Math.Max(1, (int)(count * MaxShare));
}

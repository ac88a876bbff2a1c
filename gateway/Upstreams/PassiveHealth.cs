using Gateway.Dsl.Model;

namespace Gateway.Upstreams;

/// <summary>Passive health: how an upstream passes over endpoints that failed. By default an endpoint that fails to
/// connect, or times out, is passed over for a while, as nginx's <c>max_fails=1 fail_timeout=10s</c> does; an
/// <c>outlier</c> line turns this into Envoy's consecutive-failure outlier ejection, or off.</summary>
/// <remarks>
/// By default a 5xx answer does not count: the endpoint is reachable and answered. With <c>outlier</c> it does, as
/// Envoy's <c>consecutive_5xx</c> counts both 5xx answers and locally seen failures
/// (https://www.envoyproxy.io/docs/envoy/latest/intro/arch_overview/upstream/outlier), and each ejection lasts longer
/// than the one before. Never more than <see cref="MaxShare"/> of an upstream's endpoints (at least one) are passed
/// over at once, so a shared outage (the network, a dependency of every endpoint) cannot empty the upstream; when
/// every other endpoint is passed over too, the balancer's choice stands.
/// </remarks>
/// <param name="Duration">How long a failed endpoint gets no new requests (the first time, when ejections grow).</param>
/// <param name="MaxShare">The largest share of an upstream's endpoints passed over at once, in (0, 1].</param>
public sealed record PassiveHealth(TimeSpan Duration, double MaxShare)
{
    /// <summary>The most an ejection grows: ten times <see cref="Duration"/>.</summary>
    public const int MaxMultiplier = 10;

    /// <summary>The default for every upstream: 10 s after one connect failure or timeout, at most half of the endpoints.</summary>
    public static readonly PassiveHealth Default = new(TimeSpan.FromSeconds(10), 0.5);

    /// <summary><c>outlier off</c>: no endpoint is ever passed over.</summary>
    public static readonly PassiveHealth Off = new(TimeSpan.Zero, 0) { Enabled = false };

    /// <summary>Whether failures pass endpoints over at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Counted failures in a row that pass an endpoint over.</summary>
    public int ConsecutiveFailures { get; init; } = 1;

    /// <summary>Whether every failure counts (5xx answers, resets, timeouts, connect failures), as outlier ejection
    /// does; otherwise only connect failures and timeouts.</summary>
    public bool CountsEveryFailure { get; init; }

    /// <summary>Whether each ejection lasts <see cref="Duration"/> times the number of times the endpoint has been
    /// ejected, up to <see cref="MaxMultiplier"/> times.</summary>
    public bool Grows { get; init; }

    /// <summary>The passive health an upstream's <c>outlier</c> line asks for; <see cref="Default"/> without one.</summary>
    public static PassiveHealth From(OutlierDetection? outlier) => outlier switch
    {
        null => Default,
        { Enabled: false } => Off,
        _ => new PassiveHealth(outlier.EjectionDuration, outlier.MaxEjectionPercent / 100.0)
        {
            ConsecutiveFailures = outlier.ConsecutiveFailures,
            CountsEveryFailure = true,
            Grows = true,
        },
    };

    /// <summary>Whether <paramref name="failure"/> counts against the endpoint by default.</summary>
    public static bool Counts(AttemptFailure failure) => failure is AttemptFailure.ConnectFailure or AttemptFailure.Timeout;

    /// <summary>Whether an attempt that ended with <paramref name="failure"/> and <paramref name="status"/> counts
    /// against the endpoint. A client that went away is never the endpoint's failure.</summary>
    public bool Counts(AttemptFailure failure, int status) => Enabled && (CountsEveryFailure
        ? failure is not (AttemptFailure.None or AttemptFailure.ClientAborted) || status >= StatusCodes.Status500InternalServerError
        : Counts(failure));

    /// <summary>Whether the attempt was a success that ends a run of failures: the endpoint answered below 500.</summary>
    public static bool IsSuccess(AttemptFailure failure, int status) => failure == AttemptFailure.None && status < StatusCodes.Status500InternalServerError;

    /// <summary>How many of <paramref name="count"/> endpoints may be passed over at once.</summary>
    public int Allowed(int count) => Math.Max(1, (int)(count * MaxShare));

    /// <summary>How long the <paramref name="ejections"/>th ejection of one endpoint lasts (1 for the first).</summary>
    public TimeSpan DurationOf(int ejections) => Grows ? Duration * Math.Clamp(ejections, 1, MaxMultiplier) : Duration;
}

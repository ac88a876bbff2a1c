using System;

namespace Gateway.Dsl.Model;

/// <summary>An upstream's outlier ejection: <c>outlier consecutive 5 eject 30s max 50%</c>, or <c>outlier off</c>.</summary>
/// <remarks>As Envoy's outlier detection (consecutive 5xx): <see cref="ConsecutiveFailures"/> failed attempts in a row
/// eject an endpoint for <see cref="EjectionDuration"/> times the number of times it has been ejected, never more than
/// <see cref="MaxEjectionPercent"/> percent of the upstream's endpoints at once.</remarks>
public sealed record OutlierDetection
{
    /// <summary>False for <c>outlier off</c>: no endpoint is ever passed over after failures.</summary>
    public required bool Enabled { get; init; }

    /// <summary>Failed attempts in a row (5xx answers or transport failures) that eject an endpoint.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>How long the first ejection lasts; each later one lasts this times the number of ejections.</summary>
    public TimeSpan EjectionDuration { get; init; }

    /// <summary>The largest share of the upstream's endpoints ejected at once, in whole percent from 1 to 100.</summary>
    public int MaxEjectionPercent { get; init; }

    /// <summary>The 1-based line of the <c>outlier</c> directive.</summary>
    public required int Line { get; init; }
}

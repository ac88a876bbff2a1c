using System;
using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>A named group of endpoints that routes forward to: <c>upstream users { … }</c>.</summary>
public sealed record Upstream
{
    /// <summary>The upstream's name, unique in the file.</summary>
    public required string Name { get; init; }

    /// <summary>Static endpoint base addresses, absolute <c>http</c> or <c>https</c> URIs without query or fragment.</summary>
    public required EquatableArray<string> Endpoints { get; init; }

    /// <summary>Each endpoint's weight, in the order of <see cref="Endpoints"/> (<c>endpoints URL weight N</c>); empty
    /// when every weight is 1.</summary>
    public EquatableArray<int> Weights { get; init; } = EquatableArray<int>.Empty;

    /// <summary>How a request picks one endpoint.</summary>
    public required BalanceMode Balance { get; init; }

    /// <summary>For <see cref="BalanceMode.Hash"/>, what the key is read from; otherwise null.</summary>
    public HashKey? HashKey { get; init; }

    /// <summary>The <c>Host</c> header sent to this upstream's endpoints unless a route says otherwise; null for the
    /// default (the client's).</summary>
    public HostHeader? HostHeader { get; init; }

    /// <summary>The most requests in flight on this upstream at once (<c>max-concurrent</c>); null for no limit.</summary>
    public int? MaxConcurrent { get; init; }

    /// <summary>The most retries, as a percentage of the upstream's requests over 10 s (<c>retry-budget</c>); 20 unless
    /// the file says otherwise.</summary>
    public int RetryBudgetPercent { get; init; } = 20;

    /// <summary>The active health check (<c>health</c>), or null for none.</summary>
    public HealthCheck? Health { get; init; }

    /// <summary>What happens while every endpoint is unhealthy: true (<c>when-unhealthy all</c>, the default, as Envoy's
    /// panic mode) sends to all of them anyway; false (<c>when-unhealthy 503</c>) answers 503.</summary>
    public bool SendToAllWhenUnhealthy { get; init; } = true;

    /// <summary>The most time connecting to one of this upstream's endpoints may take (<c>connect-timeout</c>); null for
    /// the gateway's default (Gateway:ConnectTimeout).</summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>The circuit breaker (<c>breaker</c>), or null for none.</summary>
    public CircuitBreaker? Breaker { get; init; }

    /// <summary>Outlier ejection (<c>outlier</c>); null for the built-in passive health (one connect failure or
    /// timeout passes an endpoint over for 10 s).</summary>
    public OutlierDetection? Outlier { get; init; }

    /// <summary>The 1-based line of the <c>upstream</c> keyword.</summary>
    public required int Line { get; init; }
}

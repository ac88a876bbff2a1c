using Gateway.Balancing;
using Gateway.Dsl.Model;
using Gateway.Pipeline;

namespace Gateway.Upstreams;

/// <summary>An upstream at run time: its current endpoints and the balancer that chooses among them.</summary>
/// <remarks>Built from the checked <see cref="Upstream"/> and kept by <see cref="UpstreamRegistry"/> across snapshots
/// while the definition stays the same; routes share it by reference.</remarks>
public sealed class UpstreamPool : IDisposable
{
    private readonly TimeProvider _time;

    // Held while deciding on one ejection, so that failures on several endpoints at once cannot pass over more than
    // the allowed share. Taken only after a counted failure, never on the success path.
    private readonly Lock _ejectLock = new();
    private HealthProber? _prober;

    // Set by the health prober after each round: every endpoint is unhealthy.
    private volatile bool _allUnhealthy;

    // Requests in flight on the whole upstream, counted only when it has a max-concurrent limit.
    private int _inFlight;

    /// <summary>Creates a pool with explicit parts.</summary>
    public UpstreamPool(Upstream definition, UpstreamEndpoints endpoints, ILoadBalancer balancer)
        : this(definition, endpoints, balancer, PassiveHealth.From(definition?.Outlier), TimeProvider.System)
    {
    }

    /// <summary>Creates a pool with explicit parts, passive health and clock; its breaker, if the definition has one,
    /// logs nowhere.</summary>
    public UpstreamPool(Upstream definition, UpstreamEndpoints endpoints, ILoadBalancer balancer, PassiveHealth passiveHealth, TimeProvider time)
        : this(definition, endpoints, balancer, passiveHealth, time, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
    {
    }

    /// <summary>Creates a pool with explicit parts, passive health, clock, and the logger of its circuit breaker.</summary>
    public UpstreamPool(Upstream definition, UpstreamEndpoints endpoints, ILoadBalancer balancer, PassiveHealth passiveHealth, TimeProvider time, ILogger breakerLogger)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(balancer);
        ArgumentNullException.ThrowIfNull(passiveHealth);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(breakerLogger);
        PassiveHealth = passiveHealth;
        _time = time;
        RetryBudget = new RetryBudget(definition.RetryBudgetPercent, time);
        Definition = definition;
        Name = definition.Name;
        Endpoints = endpoints;
        Balancer = balancer;
        Breaker = definition.Breaker is { } breaker ? new UpstreamBreaker(definition.Name, breaker, time, breakerLogger) : null;
    }

    /// <summary>The checked definition the pool was built from.</summary>
    public Upstream Definition { get; }

    /// <summary>The upstream's name from the route file.</summary>
    public string Name { get; }

    /// <summary>The endpoints; discovery replaces them as a whole.</summary>
    public UpstreamEndpoints Endpoints { get; }

    /// <summary>The balancer for the upstream's <c>balance</c> mode.</summary>
    public ILoadBalancer Balancer { get; }

    /// <summary>How many retries the upstream may get (<c>retry-budget</c>).</summary>
    public RetryBudget RetryBudget { get; }

    /// <summary>The circuit breaker (<c>breaker</c>), or null for none.</summary>
    public UpstreamBreaker? Breaker { get; }

    /// <summary>How failed endpoints are passed over.</summary>
    public PassiveHealth PassiveHealth { get; }

    /// <summary>Whether every endpoint fails its active health checks (always false without them).</summary>
    public bool AllUnhealthy => _allUnhealthy;

    /// <summary>Starts active health checks with <paramref name="prober"/>, which the pool then owns.</summary>
    public void StartHealthChecks(HealthProber prober)
    {
        ArgumentNullException.ThrowIfNull(prober);
        _prober = prober;
        prober.Start();
    }

    /// <summary>Records the prober's view after a round of checks; true when it changed.</summary>
    internal bool SetAllUnhealthy(bool value)
    {
        var changed = _allUnhealthy != value;
        _allUnhealthy = value;
        return changed;
    }

    /// <summary>Stops the health checks; requests already holding the pool still work.</summary>
    public void Dispose() => _prober?.Dispose();

    /// <summary>Builds the pool for a checked upstream: its static endpoints and a fresh balancer.</summary>
    public static UpstreamPool From(Upstream upstream) => From(upstream, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

    /// <summary>Builds the pool for a checked upstream, with <paramref name="breakerLogger"/> for its circuit breaker.</summary>
    public static UpstreamPool From(Upstream upstream, ILogger breakerLogger)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        return new UpstreamPool(upstream, new UpstreamEndpoints(upstream.Endpoints, upstream.Weights), LoadBalancerFactory.Create(upstream.Balance, upstream.HashKey), PassiveHealth.From(upstream.Outlier), TimeProvider.System, breakerLogger);
    }

    /// <summary>The endpoint for one request, or null when the upstream has none (the caller answers 503).</summary>
    public EndpointState? Pick() => Pick(avoid: null);

    /// <summary>The endpoint for one request, other than <paramref name="avoid"/> when there is another; null when the
    /// upstream has none.</summary>
    /// <remarks>Endpoints being passed over after a failure, or failing their health checks, are skipped while another
    /// is usable; then a healthy one that is passed over; then, when every endpoint is unhealthy and the upstream
    /// sends to all (<c>when-unhealthy all</c>), any (nginx, too, tries every server again when all have failed).</remarks>
    /// <param name="avoid">An endpoint a previous attempt of the same request failed on, or null.</param>
    /// <param name="context">The request, for a balancer that reads it (<c>balance hash</c>); null for the others.</param>
    public EndpointState? Pick(EndpointState? avoid, HttpContext? context = null)
    {
        // Read the array once: the balancer and the indexer must see the same set.
        var endpoints = Endpoints.Current;
        var index = context is null ? Balancer.Pick(endpoints) : Balancer.Pick(endpoints, context);
        if ((uint)index >= (uint)endpoints.Length)
        {
            return null;
        }

        var now = _time.GetTimestamp();
        var chosen = endpoints[index];
        if (Usable(chosen, avoid, now))
        {
            return chosen;
        }

        // The next usable endpoint after the balancer's choice; then a healthy one other than the one to avoid; then
        // any but that one.
        // An upstream that answers 503 when every endpoint is unhealthy never sends to an unhealthy one.
        var passes = Definition.SendToAllWhenUnhealthy ? 3 : 2;
        for (var pass = 0; pass < passes; pass++)
        {
            for (var step = pass == 0 ? 1 : 0; step < endpoints.Length; step++)
            {
                var candidate = endpoints[(index + step) % endpoints.Length];
                var fits = pass switch
                {
                    0 => Usable(candidate, avoid, now),
                    1 => !ReferenceEquals(candidate, avoid) && candidate.IsHealthy,
                    _ => !ReferenceEquals(candidate, avoid),
                };
                if (fits)
                {
                    return candidate;
                }
            }
        }

        return chosen.IsHealthy || Definition.SendToAllWhenUnhealthy ? chosen : null;
    }

    /// <summary>Counts a failed attempt on <paramref name="endpoint"/> that got no answer; see
    /// <see cref="RecordAttempt"/>. Returns whether it passed the endpoint over (the caller logs it once).</summary>
    public bool RecordFailure(EndpointState endpoint, AttemptFailure failure) => RecordAttempt(endpoint, failure, status: 0) > TimeSpan.Zero;

    /// <summary>Counts one attempt on <paramref name="endpoint"/> against its passive health: a success ends its run of
    /// failures; a counted failure that completes a run of <see cref="PassiveHealth.ConsecutiveFailures"/> passes it
    /// over, unless that would pass over more than the allowed share. Returns how long it is passed over, or zero.</summary>
    /// <param name="endpoint">The endpoint tried.</param>
    /// <param name="failure">The attempt's transport failure, or <see cref="AttemptFailure.None"/>.</param>
    /// <param name="status">The endpoint's status code when it answered; otherwise 0.</param>
    public TimeSpan RecordAttempt(EndpointState endpoint, AttemptFailure failure, int status)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!PassiveHealth.Counts(failure, status))
        {
            if (PassiveHealth.IsSuccess(failure, status))
            {
                endpoint.ResetFailures();
            }

            return TimeSpan.Zero;
        }

        var now = _time.GetTimestamp();

        // A failure of a request sent before the endpoint was passed over says nothing new.
        if (endpoint.IsPassedOver(now) || endpoint.CountFailure() < PassiveHealth.ConsecutiveFailures)
        {
            return TimeSpan.Zero;
        }

        lock (_ejectLock)
        {
            var endpoints = Endpoints.Current;
            var passedOver = 0;
            foreach (var other in endpoints)
            {
                if (!ReferenceEquals(other, endpoint) && other.IsPassedOver(now))
                {
                    passedOver++;
                }
            }

            if (endpoint.IsPassedOver(now) || passedOver >= PassiveHealth.Allowed(endpoints.Length))
            {
                return TimeSpan.Zero;
            }

            // An endpoint that stayed in for the longest ejection since its last one ended starts again from one, as
            // Envoy's multiplier comes down while a host stays healthy.
            var forgetAfter = (long)((PassiveHealth.Duration * PassiveHealth.MaxMultiplier).TotalSeconds * _time.TimestampFrequency);
            var ejections = endpoint.Ejections > 0 && now - endpoint.PassedOverUntil < forgetAfter ? endpoint.Ejections + 1 : 1;
            var duration = PassiveHealth.DurationOf(ejections);
            endpoint.Eject(now + (long)(duration.TotalSeconds * _time.TimestampFrequency), ejections);
            return duration;
        }
    }

    private static bool Usable(EndpointState endpoint, EndpointState? avoid, long now) =>
        !ReferenceEquals(endpoint, avoid) && endpoint.IsHealthy && !endpoint.IsPassedOver(now);

    /// <summary>One attempt of <paramref name="request"/> on this upstream: chooses an endpoint, counts it in flight
    /// while <paramref name="send"/> runs, and returns what happened.</summary>
    /// <remarks>The one place an attempt meets the upstream's run-time state, so that everything that watches
    /// attempts (in-flight counts, the upstream's health, its circuit breaker) sees every one of them.</remarks>
    /// <param name="request">The request being forwarded.</param>
    /// <param name="avoid">An endpoint an earlier attempt of this request failed on, or null.</param>
    /// <param name="send">Forwards the request to the endpoint and classifies the result.</param>
    public async ValueTask<AttemptOutcome> SendAsync(RequestContext request, EndpointState? avoid, Func<RequestContext, EndpointState, ValueTask<AttemptOutcome>> send)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(send);

        // Bulkhead: admission is a counter, so a refusal costs one Interlocked pair and never waits.
        if (Definition.MaxConcurrent is { } limit && Interlocked.Increment(ref _inFlight) > limit)
        {
            Interlocked.Decrement(ref _inFlight);
            return AttemptOutcome.Refused(UpstreamRefusal.OverCapacity);
        }

        try
        {
            return await SendAdmittedAsync(request, avoid, send);
        }
        finally
        {
            if (Definition.MaxConcurrent is not null)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    /// <summary>The attempt once admitted: picks the endpoint and sends to it, through the circuit breaker if the
    /// upstream has one.</summary>
    private ValueTask<AttemptOutcome> SendAdmittedAsync(RequestContext request, EndpointState? avoid, Func<RequestContext, EndpointState, ValueTask<AttemptOutcome>> send)
    {
        if (_allUnhealthy && !Definition.SendToAllWhenUnhealthy)
        {
            return ValueTask.FromResult(AttemptOutcome.Refused(UpstreamRefusal.AllUnhealthy));
        }

        var endpoint = Pick(avoid, request.Http);
        if (endpoint is null)
        {
            return ValueTask.FromResult(AttemptOutcome.Refused(UpstreamRefusal.NoEndpoint));
        }

        // The breaker sees only attempts that reach an endpoint: a refusal above says nothing about the endpoints. The
        // choice is made even while the breaker is open, which costs a balancer step and keeps the order simple. An
        // upgrade (WebSocket) lasts as long as its connection, and as a half-open trial it would keep every other
        // request at 503 that long, so upgrades bypass the breaker.
        var upgrade = request.Http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpUpgradeFeature>() is { IsUpgradableRequest: true };
        return Breaker is { } breaker && !upgrade
            ? breaker.SendAsync(static s => s.Pool.SendToAsync(s.Request, s.Endpoint, s.Send), (Pool: this, Request: request, Endpoint: endpoint, Send: send))
            : SendToAsync(request, endpoint, send);
    }

    /// <summary>Sends to the chosen endpoint, counting it in flight around <paramref name="send"/>, and records a failure.</summary>
    private async ValueTask<AttemptOutcome> SendToAsync(RequestContext request, EndpointState endpoint, Func<RequestContext, EndpointState, ValueTask<AttemptOutcome>> send)
    {
        // The in-flight count covers the whole exchange, body streaming included, for least-requests and p2c.
        AttemptOutcome outcome;
        endpoint.Enter();
        try
        {
            outcome = await send(request, endpoint);
        }
        finally
        {
            endpoint.Exit();
        }

        var passedOverFor = RecordAttempt(endpoint, outcome.Failure, outcome.Status);
        return passedOverFor > TimeSpan.Zero ? outcome with { PassedOverFor = passedOverFor } : outcome;
    }
}

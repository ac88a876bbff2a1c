namespace Gateway.Upstreams;

/// <summary>One upstream endpoint and the number of requests in flight to it.</summary>
/// <remarks>The address never changes; only the counter does, through <see cref="Interlocked"/>, so balancers can read
/// it without locks. Discovery keeps the same instance for an address that survives an update, so counts carry over.</remarks>
public sealed class EndpointState
{
    private int _inFlight;
    private long _passedOverUntil;

    // Counted failures in a row, and how often the endpoint has been passed over since its record was last forgotten.
    private int _failures;
    private int _ejections;
    private volatile bool _healthy = true;

    // Checks in a row that disagree with the current state; written only by the upstream's one health prober.
    private int _streak;

    /// <summary>Creates the state for <paramref name="address"/>, an absolute http(s) base URI, with its
    /// <paramref name="weight"/> (1 to 100) among the upstream's endpoints.</summary>
    public EndpointState(string address, int weight = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 1);
        Address = address;
        Weight = weight;
        AddressHash = Routing.StickyHash.Of(address);
    }

    /// <summary>The endpoint's share of requests relative to the others (<c>weight N</c>); 1 unless the file says otherwise.</summary>
    public int Weight { get; }

    /// <summary>A hash of <see cref="Address"/> that is the same in every process, for <c>balance hash</c>.</summary>
    public ulong AddressHash { get; }

    /// <summary>The base URI requests are forwarded to (YARP's destination prefix); path and query are appended.</summary>
    public string Address { get; }

    /// <summary>Requests currently being forwarded to this endpoint.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Counts a request that starts; pair with <see cref="Exit"/>.</summary>
    public void Enter() => Interlocked.Increment(ref _inFlight);

    /// <summary>Counts a request that ended, however it ended.</summary>
    public void Exit() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Whether the endpoint is being passed over at <paramref name="now"/> (a <see cref="TimeProvider"/>
    /// timestamp) after a failure.</summary>
    public bool IsPassedOver(long now) => now < Volatile.Read(ref _passedOverUntil);

    /// <summary>Passes the endpoint over until <paramref name="until"/> (a <see cref="TimeProvider"/> timestamp).</summary>
    public void PassOverUntil(long until) => Volatile.Write(ref _passedOverUntil, until);

    /// <summary>When the endpoint's last pass-over ends or ended (a <see cref="TimeProvider"/> timestamp; 0 for never).</summary>
    public long PassedOverUntil => Volatile.Read(ref _passedOverUntil);

    /// <summary>How often the endpoint has been passed over since its record was last forgotten.</summary>
    public int Ejections => Volatile.Read(ref _ejections);

    /// <summary>Counts one failed attempt; returns the failures in a row, this one included.</summary>
    public int CountFailure() => Interlocked.Increment(ref _failures);

    /// <summary>Ends a run of failures after a success; a read, and no write, when there was none.</summary>
    public void ResetFailures()
    {
        if (Volatile.Read(ref _failures) != 0)
        {
            Volatile.Write(ref _failures, 0);
        }
    }

    /// <summary>Passes the endpoint over until <paramref name="until"/> as its <paramref name="ejections"/>th ejection,
    /// and starts a new run of failures.</summary>
    public void Eject(long until, int ejections)
    {
        Volatile.Write(ref _ejections, ejections);
        Volatile.Write(ref _failures, 0);
        PassOverUntil(until);
    }

    /// <summary>Whether the endpoint passes its upstream's active health checks; always true without them.</summary>
    public bool IsHealthy => _healthy;

    /// <summary>Counts one active health check: <paramref name="unhealthyThreshold"/> failures in a row make a healthy
    /// endpoint unhealthy, <paramref name="healthyThreshold"/> passes in a row make it healthy again.</summary>
    /// <remarks>Called by one prober at a time, so the streak needs no synchronization; readers see only the flag.</remarks>
    public HealthTransition RecordCheck(bool passed, int healthyThreshold, int unhealthyThreshold)
    {
        if (passed == _healthy)
        {
            _streak = 0;
            return HealthTransition.None;
        }

        _streak++;
        if (_streak < (passed ? healthyThreshold : unhealthyThreshold))
        {
            return HealthTransition.None;
        }

        _streak = 0;
        _healthy = passed;
        return passed ? HealthTransition.BecameHealthy : HealthTransition.BecameUnhealthy;
    }

    /// <inheritdoc/>
    public override string ToString() => Address;
}

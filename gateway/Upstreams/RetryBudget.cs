namespace Gateway.Upstreams;

/// <summary>How many retries an upstream may get: at most a share of its requests over the last 10 seconds, with a
/// small floor, so that retries never multiply the load on an upstream that is failing anyway.</summary>
/// <remarks>
/// As Finagle's and gRPC's retry budgets (and Envoy's <c>retry_budget</c>): when every endpoint fails, a client that
/// retries every request three times would send four times the traffic to an upstream that is already down; with a
/// budget of 20% it sends at most 1.2 times, plus the floor of <see cref="MinRetries"/> per window that lets a quiet
/// upstream retry at all. The window is ten one-second buckets; counts are kept with <see cref="Interlocked"/>, and a
/// bucket that is reused for a new second is cleared by whichever thread sees it first (a retry or two may be counted
/// in the wrong second at that moment, which the budget can afford).
/// </remarks>
public sealed class RetryBudget
{
    /// <summary>Retries allowed in any window, whatever the share: ten in 10 s.</summary>
    public const int MinRetries = 10;

    private const int Buckets = 10;

    private readonly long[] _second = new long[Buckets];
    private readonly long[] _requests = new long[Buckets];
    private readonly long[] _retries = new long[Buckets];
    private readonly TimeProvider _time;

    /// <summary>Creates a budget of <paramref name="percent"/> retries per 100 requests.</summary>
    public RetryBudget(int percent, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        ArgumentNullException.ThrowIfNull(time);
        Percent = percent;
        _time = time;
        Array.Fill(_second, -1);
    }

    /// <summary>The share, in percent.</summary>
    public int Percent { get; }

    /// <summary>Counts a request's first attempt.</summary>
    public void RecordRequest() => Interlocked.Increment(ref _requests[Bucket()]);

    /// <summary>Takes one retry from the budget; false when the window's retries are used up.</summary>
    public bool TryRetry()
    {
        var now = Bucket();
        if (!HasRoom(now))
        {
            return false;
        }

        Interlocked.Increment(ref _retries[now]);
        return true;
    }

    /// <summary>Whether a retry would be allowed now, without taking it: a status is held back for a retry only when
    /// one could follow, so an overloaded upstream's own answer (and its Retry-After) reaches the client.</summary>
    public bool CanRetry() => HasRoom(Bucket());

    private bool HasRoom(int now)
    {
        long requests = 0;
        long retries = 0;
        var second = Volatile.Read(ref _second[now]);
        for (var i = 0; i < Buckets; i++)
        {
            if (Volatile.Read(ref _second[i]) > second - Buckets)
            {
                requests += Volatile.Read(ref _requests[i]);
                retries += Volatile.Read(ref _retries[i]);
            }
        }

        return retries < Math.Max(MinRetries, requests * Percent / 100);
    }

    /// <summary>The bucket of the current second, cleared first if it last held an older second.</summary>
    private int Bucket()
    {
        var second = _time.GetTimestamp() / _time.TimestampFrequency;
        var index = (int)(second % Buckets);
        var held = Volatile.Read(ref _second[index]);
        if (held != second && Interlocked.CompareExchange(ref _second[index], second, held) == held)
        {
            Volatile.Write(ref _requests[index], 0);
            Volatile.Write(ref _retries[index], 0);
        }

        return index;
    }
}

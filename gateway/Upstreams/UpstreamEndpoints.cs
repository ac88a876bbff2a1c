namespace Gateway.Upstreams;

/// <summary>An upstream's endpoints as a copy-on-write array: readers take the array in one read, writers replace it whole.</summary>
/// <remarks>
/// A request picks from the array it read, so a concurrent replacement never shows it a half-updated set.
/// Static endpoints fill it once; Kubernetes discovery and health tracking will call
/// <see cref="Update"/> with each new set.
/// </remarks>
public sealed class UpstreamEndpoints
{
    private volatile EndpointState[] _current;

    /// <summary>Starts with one endpoint per address, weighted by <paramref name="weights"/> (same order; empty or
    /// null for all 1).</summary>
    public UpstreamEndpoints(IEnumerable<string> addresses, IReadOnlyList<int>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        _current = addresses.Select((a, i) => new EndpointState(a, weights is { Count: > 0 } ? weights[i] : 1)).ToArray();
    }

    /// <summary>The endpoints in use; never mutate the returned array.</summary>
    public EndpointState[] Current => _current;

    /// <summary>Replaces the whole set with <paramref name="endpoints"/>; the array must not be changed afterwards.</summary>
    public void Replace(EndpointState[] endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _current = endpoints;
    }

    /// <summary>Replaces the set with <paramref name="addresses"/>, keeping the state (in-flight count) of addresses that stay.</summary>
    /// <remarks>Meant for one writer (the upstream's discovery loop); concurrent writers would each win in turn.</remarks>
    public void Update(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var old = new Dictionary<string, EndpointState>(StringComparer.Ordinal);
        foreach (var endpoint in _current)
        {
            old.TryAdd(endpoint.Address, endpoint);
        }

        Replace(addresses.Select(a => old.TryGetValue(a, out var kept) ? kept : new EndpointState(a)).ToArray());
    }
}

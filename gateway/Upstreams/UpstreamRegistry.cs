using Gateway.Dsl.Model;

namespace Gateway.Upstreams;

/// <summary>Owns the upstreams' run-time state across table snapshots: a new table re-uses the pool of every upstream
/// whose definition did not change, so its endpoints' in-flight counts (and, later, health and breakers) carry over.</summary>
/// <remarks>One per process. Building a snapshot is rare and single-threaded in practice; a lock keeps two concurrent
/// builds from handing out two pools for one definition.</remarks>
public sealed class UpstreamRegistry
{
    private readonly Lock _lock = new();
    private Dictionary<string, UpstreamPool> _pools = new(StringComparer.Ordinal);

    /// <summary>The pools for <paramref name="upstreams"/>, by name: kept where the definition is equal, new otherwise.
    /// Pools of upstreams that are gone are dropped.</summary>
    public IReadOnlyDictionary<string, UpstreamPool> Resolve(IEnumerable<Upstream> upstreams)
    {
        ArgumentNullException.ThrowIfNull(upstreams);
        lock (_lock)
        {
            var next = new Dictionary<string, UpstreamPool>(StringComparer.Ordinal);
            foreach (var upstream in upstreams)
            {
                next[upstream.Name] = _pools.TryGetValue(upstream.Name, out var pool) && pool.Definition == upstream ? pool : UpstreamPool.From(upstream);
            }

            _pools = next;
            return next;
        }
    }
}

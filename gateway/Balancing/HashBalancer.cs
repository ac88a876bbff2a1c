using Gateway.Dsl.Model;
using Gateway.Routing;
using Gateway.Upstreams;

namespace Gateway.Balancing;

/// <summary><c>balance hash header NAME|cookie NAME|client_ip</c>: requests with the same key go to the same endpoint.</summary>
/// <remarks>
/// Rendezvous (highest random weight) hashing: each endpoint scores <c>weight / −ln(u)</c>, with <c>u</c> in (0, 1)
/// from a hash of the key and the endpoint's address, and the highest score wins. A key keeps its endpoint as long as
/// that endpoint is there; when one is added or removed only the keys it wins or held move (1/n of them), and weights
/// hold over many keys. The hash is the same in every replica (<see cref="StickyHash"/>, which a split's sticky key uses too), so a key sticks across the
/// gateway's pods too. A request without the key falls back to power-of-two choices. A key that reaches an endpoint
/// that is unhealthy, passed over or being avoided by a retry goes to the next endpoint in order instead, and comes
/// back once it is usable.
/// </remarks>
public sealed class HashBalancer : ILoadBalancer
{
    private readonly HashKey _key;
    private readonly PowerOfTwoChoicesBalancer _fallback = new();

    /// <summary>Creates the balancer for <paramref name="key"/>.</summary>
    public HashBalancer(HashKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
    }

    /// <inheritdoc/>
    public int Pick(ReadOnlySpan<EndpointState> endpoints) => _fallback.Pick(endpoints);

    /// <inheritdoc/>
    public int Pick(ReadOnlySpan<EndpointState> endpoints, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_key.Kind == HashKeyKind.ClientIp)
        {
            // The address's bytes rather than its text, as a split's sticky key: nothing is formatted per request.
            Span<byte> address = stackalloc byte[16];
            return context.Connection.RemoteIpAddress is { } ip && ip.TryWriteBytes(address, out var written)
                ? PickFor(endpoints, StickyHash.Of(address[..written]))
                : _fallback.Pick(endpoints);
        }

        var key = _key.Kind == HashKeyKind.Header
            ? context.Request.Headers[_key.Name!] is { Count: > 0 } values ? values[0] : null
            : context.Request.Cookies[_key.Name!];
        return string.IsNullOrEmpty(key) ? _fallback.Pick(endpoints) : PickFor(endpoints, StickyHash.Of(key));
    }

    /// <summary>The endpoint that key hash <paramref name="keyHash"/> goes to.</summary>
    public static int PickFor(ReadOnlySpan<EndpointState> endpoints, ulong keyHash)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var index = 0; index < endpoints.Length; index++)
        {
            // 53 random bits as a double in (0, 1): never 0, so the logarithm is finite and negative.
            var hash = StickyHash.Mix(keyHash ^ endpoints[index].AddressHash);
            var unit = ((hash >> 11) + 0.5) / (1UL << 53);
            var score = endpoints[index].Weight / -Math.Log(unit);
            if (score > bestScore)
            {
                best = index;
                bestScore = score;
            }
        }

        return best;
    }
}

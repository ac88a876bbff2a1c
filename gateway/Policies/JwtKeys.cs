using System.Collections.Frozen;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Policies;

/// <summary>One immutable set of public signing keys, from a JWKS fetch or a key file, and the rule that picks the
/// keys a token is checked against.</summary>
/// <remarks>
/// Keys are grouped by <c>kid</c> (a JWKS may list one <c>kid</c> twice, e.g. with two key types); a key without a
/// <c>kid</c> is a group of its own. A token's <c>kid</c> picks its group. When the set has exactly one group, a token
/// without a <c>kid</c>, or any token when the key has no <c>kid</c> (a PEM file), is checked against it: there is
/// nothing to choose between. With several groups, a token without a <c>kid</c> is rejected rather than tried against
/// every key, so a token never decides how many keys the gateway tries.
/// </remarks>
public sealed class JwtKeys
{
    private readonly SecurityKey[][] _groups;
    private readonly FrozenDictionary<string, int> _byKid;

    /// <summary>Groups <paramref name="keys"/> by <c>kid</c>.</summary>
    /// <param name="keys">Public asymmetric keys; at least one.</param>
    /// <param name="loadedAt">When the keys were fetched or read.</param>
    public JwtKeys(IReadOnlyList<SecurityKey> keys, DateTimeOffset loadedAt)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfZero(keys.Count);
        var groups = new List<List<SecurityKey>>();
        var byKid = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (string.IsNullOrEmpty(key.KeyId))
            {
                groups.Add([key]);
            }
            else if (byKid.TryGetValue(key.KeyId, out var index))
            {
                groups[index].Add(key);
            }
            else
            {
                byKid[key.KeyId] = groups.Count;
                groups.Add([key]);
            }
        }

        _groups = groups.Select(g => g.ToArray()).ToArray();
        _byKid = byKid.ToFrozenDictionary(StringComparer.Ordinal);
        Count = keys.Count;
        LoadedAt = loadedAt;
    }

    /// <summary>The number of keys.</summary>
    public int Count { get; }

    /// <summary>When the keys were fetched or read.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>The key groups; <see cref="Find"/> returns positions in this list.</summary>
    public IReadOnlyList<IReadOnlyList<SecurityKey>> Groups => _groups;

    /// <summary>The group a token with <paramref name="kid"/> (null when it has none) is checked against, or -1 when
    /// no key fits.</summary>
    public int Find(string? kid)
    {
        if (kid is not null && _byKid.TryGetValue(kid, out var index))
        {
            return index;
        }

        return _groups.Length == 1 && (kid is null || string.IsNullOrEmpty(_groups[0][0].KeyId)) ? 0 : -1;
    }
}

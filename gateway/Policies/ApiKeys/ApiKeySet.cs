using System.Runtime.CompilerServices;

namespace Gateway.Policies.ApiKeys;

/// <summary>One immutable reading of a keys file: the SHA-256 hash of every key and the consumer it belongs to.</summary>
/// <remarks>
/// A lookup compares the presented key's hash with every entry in fixed time and picks the match without a branch, so
/// the time it takes depends only on the number of entries: not on which key matched, whether one did, or how many
/// bytes of a hash agreed. The cost is one 32-byte compare per key, which suits files of up to a few thousand keys.
/// </remarks>
public sealed class ApiKeySet
{
    /// <summary>A set with no keys: every key is rejected.</summary>
    public static readonly ApiKeySet Empty = new(Array.Empty<byte>(), Array.Empty<string>());

    private readonly byte[] _hashes;
    private readonly string[] _consumers;

    /// <summary>Creates a set over <paramref name="hashes"/> (<see cref="ApiKeyHash.Size"/> bytes per entry, no two equal)
    /// and the consumer of each entry.</summary>
    internal ApiKeySet(byte[] hashes, string[] consumers)
    {
        if (hashes.Length != consumers.Length * ApiKeyHash.Size)
        {
            throw new ArgumentException("Each consumer needs exactly one hash.", nameof(hashes));
        }

        _hashes = hashes;
        _consumers = consumers;
        ConsumerCount = consumers.Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>The number of keys.</summary>
    public int Count => _consumers.Length;

    /// <summary>The number of distinct consumers (a consumer may hold several keys, e.g. while rotating one).</summary>
    public int ConsumerCount { get; }

    /// <summary>The consumer whose key is <paramref name="key"/>, or null.</summary>
    public string? Find(ReadOnlySpan<char> key)
    {
        Span<byte> hash = stackalloc byte[ApiKeyHash.Size];
        ApiKeyHash.Compute(key, hash);
        var comparer = default(FixedTimeKeyHashComparer);
        return Find(hash, ref comparer);
    }

    /// <summary>The consumer whose key hashes to <paramref name="hash"/>, or null; <paramref name="comparer"/> is asked
    /// about every entry, whatever the outcome.</summary>
    internal string? Find<TComparer>(ReadOnlySpan<byte> hash, ref TComparer comparer)
        where TComparer : struct, IKeyHashComparer
    {
        var found = -1;
        var hashes = _hashes.AsSpan();
        for (var i = 0; i < _consumers.Length; i++)
        {
            var equal = comparer.Equals(hashes.Slice(i * ApiKeyHash.Size, ApiKeyHash.Size), hash);

            // mask is -1 on the (single) match and 0 elsewhere: every entry costs the same, with no early exit.
            var mask = -Unsafe.BitCast<bool, byte>(equal);
            found = (found & ~mask) | (i & mask);
        }

        return found < 0 ? null : _consumers[found];
    }
}

namespace Gateway.Balancing;

/// <summary>A 64-bit hash that is the same in every process and on every machine (FNV-1a over the UTF-16 code units,
/// then the SplitMix64 finalizer for an even spread), unlike <see cref="string.GetHashCode()"/>, which is randomized
/// per process: replicas must send one key to one endpoint.</summary>
public static class StableHash
{
    /// <summary>The hash of <paramref name="text"/>.</summary>
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash);
    }

    /// <summary>SplitMix64's finalizer: every input bit affects every output bit.</summary>
    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}

using System.Text;

namespace Gateway.Routing;

/// <summary>The stable hash of a sticky key (a split's <c>sticky by</c>, and <c>balance hash</c>): FNV-1a over its UTF-8
/// bytes, then a 64-bit finalizer, so one key lands on one side of a split, or one endpoint, in every process and after
/// every restart (unlike <see cref="string.GetHashCode()"/>, which is
/// randomized per process).</summary>
/// <remarks>FNV-1a is described at http://www.isthe.com/chongo/tech/comp/fnv/; its low bits mix poorly, so the finalizer
/// (MurmurHash3's fmix64) spreads every input bit before <see cref="Point"/> takes the high bits.</remarks>
public static class StickyHash
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>The hash of the UTF-8 encoding of <paramref name="key"/>, computed without allocating.</summary>
    public static ulong Of(ReadOnlySpan<char> key)
    {
        var hash = OffsetBasis;
        Span<byte> utf8 = stackalloc byte[4];
        while (!key.IsEmpty)
        {
            // A lone surrogate becomes U+FFFD, as Encoding.UTF8 would write it.
            Rune.DecodeFromUtf16(key, out var rune, out var consumed);
            var written = rune.EncodeToUtf8(utf8);
            hash = Add(hash, utf8[..written]);
            key = key[consumed..];
        }

        return Finish(hash);
    }

    /// <summary>The hash of <paramref name="key"/>'s bytes (an IP address).</summary>
    public static ulong Of(ReadOnlySpan<byte> key) => Finish(Add(OffsetBasis, key));

    /// <summary>Maps <paramref name="hash"/> onto [0, <paramref name="total"/>), evenly, by its high bits.</summary>
    public static int Point(ulong hash, int total) => (int)Math.BigMul(hash, (ulong)total, out _);

    private static ulong Add(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }

    /// <summary>The finalizer every hash here ends with (MurmurHash3's fmix64): every input bit affects every output
    /// bit, so two hashes combined with XOR can be mixed into one well-spread value.</summary>
    public static ulong Mix(ulong hash) => Finish(hash);

    private static ulong Finish(ulong hash)
    {
        hash ^= hash >> 33;
        hash *= 0xff51afd7ed558ccd;
        hash ^= hash >> 33;
        hash *= 0xc4ceb9fe1a85ec53;
        hash ^= hash >> 33;
        return hash;
    }
}

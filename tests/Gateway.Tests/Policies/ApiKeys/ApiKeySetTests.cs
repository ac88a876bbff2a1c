using System.Text;
using Gateway.Policies.ApiKeys;

namespace Gateway.Tests.Policies.ApiKeys;

/// <summary>The lookup's timing safety, asserted on what it does rather than on how long it takes: it asks the comparer
/// about every entry, for a hit on the first entry, on the last, and for a miss.</summary>
public sealed class ApiKeySetTests
{
    [Theory]
    [InlineData("key-0", "c0")]
    [InlineData("key-2", "c2")]
    [InlineData("key-4", "c4")]
    [InlineData("key-9", null)]
    public void Find_AnyKey_ComparesWithEveryEntry(string key, string? expected)
    {
        var keys = Create(5);
        Span<byte> hash = stackalloc byte[ApiKeyHash.Size];
        ApiKeyHash.Compute(key, hash);
        var comparer = new CountingComparer { Seen = new List<int>() };

        var consumer = keys.Find(hash, ref comparer);

        Assert.Equal(expected, consumer);
        Assert.Equal(5, comparer.Calls);
        Assert.Equal(5, comparer.Seen.Count);
    }

    [Fact]
    public void Find_CompareSeesWholeHashes_OfEqualLength()
    {
        var keys = Create(3);
        Span<byte> hash = stackalloc byte[ApiKeyHash.Size];
        ApiKeyHash.Compute("key-1", hash);
        var comparer = new CountingComparer { Seen = new List<int>() };

        keys.Find(hash, ref comparer);

        Assert.All(comparer.Seen, length => Assert.Equal(ApiKeyHash.Size, length));
    }

    [Fact]
    public void Find_Empty_ReturnsNull()
    {
        Assert.Null(ApiKeySet.Empty.Find("anything"));
    }

    [Fact]
    public void FixedTimeComparer_EqualAndUnequal_Answers()
    {
        var comparer = default(FixedTimeKeyHashComparer);
        byte[] a = [1, 2, 3];

        Assert.True(comparer.Equals(a, [1, 2, 3]));
        Assert.False(comparer.Equals(a, [1, 2, 4]));
    }

    private static ApiKeySet Create(int count)
    {
        var text = string.Join('\n', Enumerable.Range(0, count).Select(i => $"c{i} key-{i}"));
        return ApiKeyFile.Parse(Encoding.UTF8.GetBytes(text)).Keys!;
    }

    /// <summary>Counts the calls and the length of each stored hash it was shown; says equal only for equal bytes.</summary>
    private struct CountingComparer : IKeyHashComparer
    {
        public int Calls;
        public List<int> Seen;

        public bool Equals(ReadOnlySpan<byte> stored, ReadOnlySpan<byte> presented)
        {
            Calls++;
            Seen.Add(stored.Length);
            return stored.SequenceEqual(presented);
        }
    }
}

using System.Text;
using Gateway.Routing;

namespace Gateway.Tests.Routing;

/// <summary>The sticky key's hash is a fixed function of the key's UTF-8 bytes, the same in every process.</summary>
public sealed class StickyHashTests
{
    [Theory]
    [InlineData("", 0xefd01f60ba992926UL)]
    [InlineData("a", 0x82a2a958a9bece5bUL)]
    [InlineData("user-42", 0xa39532c7ab051e8dUL)]
    public void Of_Key_MatchesFnv1aWithFinalizer(string key, ulong expected)
    {
        // Expected values were computed apart from this code: FNV-1a 64 (of "a": 0xaf63dc4c8601ec8c, the published
        // vector), then MurmurHash3's fmix64. string.GetHashCode would differ from run to run.
        Assert.Equal(expected, StickyHash.Of(key));
    }

    [Theory]
    [InlineData("é")]
    [InlineData("ключ-7")]
    [InlineData("😀")]
    public void Of_NonAsciiKey_HashesItsUtf8Bytes(string key)
    {
        Assert.Equal(StickyHash.Of(Encoding.UTF8.GetBytes(key)), StickyHash.Of(key));
    }

    [Fact]
    public void Point_ManyKeys_FallInRangeAndSpreadEvenly()
    {
        var counts = new int[10];
        for (var i = 0; i < 10_000; i++)
        {
            counts[StickyHash.Point(StickyHash.Of("key-" + i), 10)]++;
        }

        // 1,000 expected per bucket, standard deviation 30; the keys are fixed, so this is deterministic.
        Assert.All(counts, count => Assert.InRange(count, 880, 1120));
    }
}

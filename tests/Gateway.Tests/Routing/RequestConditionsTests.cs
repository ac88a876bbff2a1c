using Gateway.Routing;

namespace Gateway.Tests.Routing;

/// <summary>Query conditions compare decoded values, without allocating, whatever the value's length.</summary>
public sealed class RequestConditionsTests
{
    // 300 UTF-8 bytes: longer than the stack buffer, so the pooled path is taken for both sides.
    private static readonly string LongValue = new('é', 150);
    private static readonly string LongEncoded = string.Concat(Enumerable.Repeat("%C3%A9", 150));

    [Theory]
    [InlineData("?q=a+b", "q", "a b", true)]
    [InlineData("?q=a%20b", "q", "a b", true)]
    [InlineData("?q=a%2", "q", "a%2", true)]
    [InlineData("?q=a%20c", "q", "a b", false)]
    public void QueryEquals_EncodedValue_ComparesDecoded(string query, string name, string value, bool expected) =>
        Assert.Equal(expected, RequestConditions.QueryEquals(query, name, value));

    [Fact]
    public void QueryEquals_LongEncodedValue_MatchesAndAllocatesNothing()
    {
        var query = "?v=" + LongEncoded;
        Assert.True(RequestConditions.QueryEquals(query, "v", LongValue));
        Assert.False(RequestConditions.QueryEquals(query, "v", LongValue[..^1] + "e"));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            RequestConditions.QueryEquals(query, "v", LongValue);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

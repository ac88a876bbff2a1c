using Gateway.Dsl.Semantics;

namespace Gateway.Dsl.Tests.Semantics;

/// <summary>Did-you-mean suggestions by edit distance below 3.</summary>
public sealed class NameSuggesterTests
{
    private static readonly string[] Keywords = { "host", "method", "path", "header", "query", "priority", "to", "respond" };

    [Theory]
    [InlineData("pth", "path")]
    [InlineData("hedaer", "header")]
    [InlineData("PATH", "path")]
    [InlineData("methdo", "method")]
    [InlineData("respnod", "respond")]
    public void Suggest_NearName_ReturnsIt(string typed, string expected)
    {
        Assert.Equal(expected, NameSuggester.Suggest(typed, Keywords));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("endpoints")]
    [InlineData("path")]
    [InlineData("")]
    public void Suggest_FarOrSameName_ReturnsNull(string typed)
    {
        Assert.Null(NameSuggester.Suggest(typed, Keywords));
    }

    [Theory]
    [InlineData("", "abc", 3)]
    [InlineData("ab", "ba", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("same", "same", 0)]
    public void Distance_KnownPairs_MatchesDefinition(string a, string b, int expected)
    {
        Assert.Equal(expected, NameSuggester.Distance(a, b));
    }
}

using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Semantics;

namespace Gateway.Dsl.Tests.Semantics;

/// <summary>The one rule for <c>host:port</c>, and the property that each suggested fix is itself a clean address.</summary>
public sealed class ListenAddressParserTests
{
    [Theory]
    [InlineData("8080")]
    [InlineData("99999")]
    [InlineData("0")]
    [InlineData(":8080")]
    [InlineData(":0")]
    [InlineData(":x")]
    [InlineData(":")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:http")]
    [InlineData("::1:9901")]
    [InlineData("::1:")]
    [InlineData("::1:0")]
    [InlineData("gggg::1:80")]
    [InlineData("[::1")]
    [InlineData("[::1]")]
    [InlineData("[::1]x")]
    [InlineData("[::1]:")]
    [InlineData("[::1]:0")]
    [InlineData("[nope]:80")]
    [InlineData("256.0.0.1:80")]
    [InlineData("a_b:80")]
    [InlineData("*")]
    [InlineData("*:0")]
    [InlineData("example.com:8080")]
    [InlineData("example.com")]
    [InlineData("example.com:0")]
    [InlineData("gateway-1.internal:9000")]
    public void Parse_BadAddress_EverySuggestionChecksClean(string address)
    {
        var diagnostics = SuggestionProperty.CheckListen(address);

        Assert.NotEmpty(diagnostics);
        foreach (var suggestion in diagnostics.SelectMany(SuggestionProperty.Suggestions))
        {
            Assert.True(SuggestionProperty.CheckListen(suggestion).Count == 0, "'" + address + "' suggests '" + suggestion + "', which does not check: " + string.Join("; ", SuggestionProperty.CheckListen(suggestion)));
        }
    }

    [Fact]
    public void Parse_PortOnly_SuggestsEveryInterfaceAndLoopbackWithThatPort()
    {
        var problem = ListenAddressParser.Parse("8080", allowPortZero: false).Problem!;

        Assert.Equal(DiagnosticCode.InvalidAddress, problem.Code);
        Assert.Equal(["0.0.0.0:8080", "127.0.0.1:8080"], SuggestionProperty.Suggestions(problem.Message));
    }

    [Theory]
    [InlineData(":0", "a host and a port, e.g. '0.0.0.0:8080'")]
    [InlineData(":8080", "'0.0.0.0:8080' or '*:8080'")]
    public void Parse_NoHost_SuggestsTheGivenPortOnlyWhenItIsValid(string address, string fix)
    {
        var problem = ListenAddressParser.Parse(address, allowPortZero: false).Problem!;

        Assert.Equal("address '" + address + "' has no host; write " + fix, problem.Message);
    }

    [Theory]
    [InlineData("0.0.0.0:8080", "0.0.0.0")]
    [InlineData("*:8080", "0.0.0.0")]
    [InlineData("localhost:8080", "127.0.0.1")]
    [InlineData("LOCALHOST:8080", "127.0.0.1")]
    [InlineData("[::1]:9901", "::1")]
    [InlineData("[::]:8080", "::")]
    public void Parse_ValidAddress_GivesTheAddressToBind(string text, string address)
    {
        var result = ListenAddressParser.Parse(text, allowPortZero: false);

        Assert.Null(result.Problem);
        Assert.Equal(System.Net.IPAddress.Parse(address), result.Address);
    }

    [Fact]
    public void Parse_PortZero_RejectedUnlessAllowed()
    {
        Assert.Equal(DiagnosticCode.InvalidPort, ListenAddressParser.Parse("127.0.0.1:0", allowPortZero: false).Problem?.Code);
        Assert.Equal(
            new ListenAddressParseResult { Host = "127.0.0.1", Address = System.Net.IPAddress.Loopback, Port = 0 },
            ListenAddressParser.Parse("127.0.0.1:0", allowPortZero: true));
    }
}

using System.Net;
using Gateway.Dsl;
using Gateway.Hosting;

namespace Gateway.Tests.Hosting;

public sealed class ListenEndpointTests
{
    [Theory]
    [InlineData("0.0.0.0:8080", "0.0.0.0", 8080)]
    [InlineData("127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("[::1]:9901", "::1", 9901)]
    [InlineData("localhost:8080", "127.0.0.1", 8080)]
    [InlineData("*:80", "0.0.0.0", 80)]
    public void TryParse_ValidAddress_ReturnsEndpoint(string text, string address, int port)
    {
        Assert.True(Parse(text, out var endpoint));
        Assert.Equal(IPAddress.Parse(address), endpoint!.Address);
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("8080")]
    [InlineData(":8080")]
    [InlineData("example.com:8080")]
    [InlineData("gateway-1.internal:9000")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("127.0.0.1:")]
    public void TryParse_InvalidAddress_ReturnsFalse(string? text)
    {
        Assert.False(Parse(text, out _));
    }

    [Fact]
    public void TryParse_HostName_SaysWhatTheBuildSays()
    {
        Assert.False(ListenEndpoint.TryParse("gateway-1.internal:9000", out _, out var error));

        Assert.Equal(
            "'gateway-1.internal' is a host name, and the gateway binds IP addresses only; write '0.0.0.0:9000' to listen on every interface, or an IP address of this machine",
            error);
    }

    [Theory]
    [InlineData("0.0.0.0:8080")]
    [InlineData("*:80")]
    [InlineData("localhost:8080")]
    [InlineData("[::1]:9901")]
    [InlineData("[::]:8080")]
    [InlineData("example.com:8080")]
    [InlineData("gateway-1.internal:9000")]
    [InlineData("256.0.0.1:80")]
    [InlineData("8080")]
    [InlineData(":8080")]
    [InlineData("::1:9901")]
    [InlineData("127.0.0.1:65536")]
    [InlineData("127.0.0.1:x")]
    [InlineData("a_b:80")]
    public void TryParse_AnyText_AcceptedExactlyWhenTheRouteFileAcceptsIt(string text)
    {
        // One rule: the gateway refused 'listen NAME:port' files that the build had accepted.
        var file = RouteFile.Parse("listen " + text + "\nroute r {\n  path /\n  respond 200\n}\n", "r.gw");

        Assert.Equal(file.Table is not null, Parse(text, out _));
    }

    private static bool Parse(string? text, out IPEndPoint? endpoint) => ListenEndpoint.TryParse(text, out endpoint);
}

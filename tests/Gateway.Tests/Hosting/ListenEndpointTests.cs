using System.Net;
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
    [InlineData("127.0.0.1:99999")]
    [InlineData("127.0.0.1:-1")]
    [InlineData("127.0.0.1:")]
    public void TryParse_InvalidAddress_ReturnsFalse(string? text)
    {
        Assert.False(Parse(text, out _));
    }

    private static bool Parse(string? text, out IPEndPoint? endpoint) => ListenEndpoint.TryParse(text, out endpoint);
}

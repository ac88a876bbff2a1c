using Gateway.Hosting;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Hosting;

public sealed class GatewayOptionsTests
{
    [Fact]
    public void From_EmptyConfiguration_UsesDefaults()
    {
        var options = CreateOptions();

        Assert.Null(options.Listen);
        Assert.Null(options.Admin);
        Assert.Null(options.RoutesFile);
        Assert.Equal(TimeSpan.FromSeconds(100), options.UpstreamTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), options.ConnectTimeout);
    }

    [Fact]
    public void From_Overrides_ReadsEveryKey()
    {
        var options = CreateOptions(
            ("Gateway:Listen", "127.0.0.1:0"),
            ("Gateway:Admin", "127.0.0.1:1"),
            ("Gateway:RoutesFile", "/tmp/r.gw"),
            ("Gateway:UpstreamTimeout", "00:00:02"),
            ("Gateway:ConnectTimeout", "00:00:01"));

        Assert.Equal("127.0.0.1:0", options.Listen);
        Assert.Equal("127.0.0.1:1", options.Admin);
        Assert.Equal("/tmp/r.gw", options.RoutesFile);
        Assert.Equal(TimeSpan.FromSeconds(2), options.UpstreamTimeout);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ConnectTimeout);
    }

    [Theory]
    [InlineData("Gateway:RedisTimeout", "-00:00:01", "must be more than zero")]
    [InlineData("Gateway:RedisTimeout", "00:00:00", "must be more than zero")]
    [InlineData("Gateway:RedisTimeout", "100ms", "is not a time; write hh:mm:ss[.fff], e.g. '00:00:00.1000000'")]
    [InlineData("Gateway:ConnectTimeout", "-00:00:01", "must be more than zero")]
    [InlineData("Gateway:UpstreamTimeout", "00:00:00", "must be more than zero")]
    [InlineData("Gateway:UpstreamTimeout", "100", "at most a day")]
    public void From_BadTime_KeepsTheDefaultAndSaysWhy(string key, string value, string expected)
    {
        var options = CreateOptions((key, value));

        var problem = Assert.Single(options.Problems);
        Assert.StartsWith($"error: {key} '{value}' ", problem, StringComparison.Ordinal);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void From_EmptyRedis_IsNotSet()
    {
        Assert.Null(CreateOptions(("Gateway:Redis", "")).Redis);
    }

    private static GatewayOptions CreateOptions(params (string Key, string Value)[] values) =>
        GatewayOptions.From(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());
}

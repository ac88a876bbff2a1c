using Gateway.Policies;

namespace Gateway.Tests.Policies;

public sealed class CorsOriginsTests
{
    [Theory]
    [InlineData("https://app.example.com", true)]
    [InlineData("HTTPS://App.Example.COM", true)]
    [InlineData("http://app.example.com", false)]
    [InlineData("https://app.example.com:8443", false)]
    [InlineData("https://app.example.com.evil.test", false)]
    [InlineData("https://a.example.com", true)]
    [InlineData("https://a.b.example.com", true)]
    [InlineData("https://A.Example.com", true)]
    [InlineData("https://example.com", false)]
    [InlineData("https://.example.com", false)]
    [InlineData("https://a..example.com", false)]
    [InlineData("https://evil.test/.example.com", false)]
    [InlineData("https://user@x.example.com", false)]
    [InlineData("https://evilexample.com", false)]
    [InlineData("http://a.example.com", false)]
    [InlineData("https://a.example.com:8443", false)]
    [InlineData("http://a.dev.test:8080", true)]
    [InlineData("http://a.dev.test", false)]
    [InlineData("null", false)]
    [InlineData("", false)]
    public void Allows_ExactAndSubdomainOrigins_MatchesSchemeHostAndPort(string origin, bool allowed)
    {
        var origins = CreateOrigins("https://app.example.com", "https://*.example.com", "http://*.dev.test:8080");

        Assert.Equal(allowed, origins.Allows(origin));
        Assert.False(origins.AllowsAny);
    }

    [Theory]
    [InlineData("https://anything.test")]
    [InlineData("null")]
    public void Allows_Star_AllowsEveryOrigin(string origin)
    {
        var origins = CreateOrigins("*");

        Assert.True(origins.Allows(origin));
        Assert.True(origins.AllowsAny);
    }

    private static CorsOrigins CreateOrigins(params string[] origins) => new(origins);
}

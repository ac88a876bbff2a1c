using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Policies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Policies;

public sealed class CorsPolicyTests
{
    [Fact]
    public void Constructor_StarOriginWithCredentials_Throws()
    {
        // The checker rejects the pair (GW0233); a model built past it must not reflect every origin with credentials.
        Assert.Throws<ArgumentException>(() => CreatePolicy(credentials: true, "https://app.example.com", "*"));
    }

    [Theory]
    [InlineData("OPTIONS", "https://app.example.com", "PUT", true)]
    [InlineData("OPTIONS", "https://app.example.com", null, false)]
    [InlineData("OPTIONS", null, "PUT", false)]
    [InlineData("GET", "https://app.example.com", "PUT", false)]
    public void IsPreflight_MethodAndHeaders_TrueOnlyForOptionsWithOriginAndRequestMethod(string method, string? origin, string? requested, bool expected)
    {
        var request = new DefaultHttpContext().Request;
        request.Method = method;
        if (origin is not null)
        {
            request.Headers.Origin = origin;
        }

        if (requested is not null)
        {
            request.Headers.AccessControlRequestMethod = requested;
        }

        Assert.Equal(expected, CorsPolicy.IsPreflight(request));
    }

    private static CorsPolicy CreatePolicy(bool credentials, params string[] origins) => new(
        new CorsSettings
        {
            Origins = origins.ToEquatableArray(),
            Methods = new[] { "GET" }.ToEquatableArray(),
            Headers = EquatableArray<string>.Empty,
            ExposeHeaders = EquatableArray<string>.Empty,
            Credentials = credentials,
        },
        "r",
        NullLogger.Instance);
}

using System.Text.Json;
using Gateway.Responses;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Responses;

public sealed class ProblemResponseTests
{
    [Fact]
    public void Format_WithDetail_HasTypeTitleStatusDetail()
    {
        using var json = JsonDocument.Parse(ProblemResponse.Format(404, "Not Found", "No route."));
        var root = json.RootElement;

        Assert.Equal(["type", "title", "status", "detail"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.5", root.GetProperty("type").GetString());
        Assert.Equal("Not Found", root.GetProperty("title").GetString());
        Assert.Equal(404, root.GetProperty("status").GetInt32());
        Assert.Equal("No route.", root.GetProperty("detail").GetString());
    }

    [Fact]
    public void Format_WithoutDetail_OmitsDetail()
    {
        using var json = JsonDocument.Parse(ProblemResponse.Format(418, "I'm a teapot", detail: null));

        Assert.False(json.RootElement.TryGetProperty("detail", out _));
        Assert.Equal("about:blank", json.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public void Format_DetailWithQuotes_IsEscaped()
    {
        using var json = JsonDocument.Parse(ProblemResponse.Format(400, "Bad Request", "a \"quoted\" <b>"));

        Assert.Equal("a \"quoted\" <b>", json.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(404, "Not Found")]
    [InlineData(502, "Bad Gateway")]
    [InlineData(503, "Service Unavailable")]
    [InlineData(504, "Gateway Timeout")]
    public void Constructor_Status_TitleIsReasonPhrase(int status, string title)
    {
        using var json = JsonDocument.Parse(CreateProblem(status).Body);

        Assert.Equal(title, json.RootElement.GetProperty("title").GetString());
        Assert.Equal(status, json.RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData(401, "https://tools.ietf.org/html/rfc9110#section-15.5.2")]
    [InlineData(403, "https://tools.ietf.org/html/rfc9110#section-15.5.4")]
    public void Format_AuthStatuses_TypeIsTheirRfc9110Section(int status, string type)
    {
        using var json = JsonDocument.Parse(CreateProblem(status).Body);

        Assert.Equal(type, json.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task WriteAsync_FreshResponse_SetsStatusContentTypeAndBody()
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await ProblemResponse.NoRoute.WriteAsync(context);

        Assert.Equal(404, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        Assert.Equal(ProblemResponse.NoRoute.Body.ToArray(), ((MemoryStream)context.Response.Body).ToArray());
        Assert.Equal(context.Response.Body.Length, context.Response.ContentLength);
    }

    private static ProblemResponse CreateProblem(int status) => new(status, "detail");
}

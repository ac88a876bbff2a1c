using Gateway.Forwarding;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Gateway.Tests.Forwarding;

public sealed class ConnectionHeadersTests
{
    [Theory]
    [InlineData("Content-Type")]
    [InlineData("content-language")]
    [InlineData("Cache-Control")]
    [InlineData("Via")]
    [InlineData("Authorization")]
    [InlineData("X-Secret")]
    public void RemoveNamed_NameInEitherCollection_RemovedWithoutThrowing(string name)
    {
        var request = CreateRequest();

        ConnectionHeaders.RemoveNamed(new StringValues(["keep-alive", name]), request);

        Assert.False(request.Headers.NonValidated.Contains(name) || request.Content!.Headers.NonValidated.Contains(name));
        Assert.True(request.Headers.Contains("X-Kept"));
    }

    [Fact]
    public void RemoveNamed_FramingHeadersAndOptions_Kept()
    {
        var request = CreateRequest();

        ConnectionHeaders.RemoveNamed("Content-Length, Transfer-Encoding, close, keep-alive, Upgrade", request);

        Assert.Equal(5, request.Content!.Headers.ContentLength);
        Assert.True(request.Headers.Contains("Upgrade"));
    }

    [Fact]
    public void RemoveNamed_NotTokens_Skipped()
    {
        var request = CreateRequest();

        ConnectionHeaders.RemoveNamed("bad name, (x), , X-Secret", request);

        Assert.False(request.Headers.Contains("X-Secret"));
        Assert.True(request.Headers.Contains("X-Kept"));
    }

    [Fact]
    public void RemoveNamed_NoContent_RemovesRequestHeaders()
    {
        var request = CreateRequest();
        request.Content = null;

        ConnectionHeaders.RemoveNamed("Content-Type, X-Secret", request);

        Assert.False(request.Headers.Contains("X-Secret"));
    }

    [Fact]
    public void RemoveNamed_ResponseLines_RemovesEveryNamedHeaderButContentLength()
    {
        var headers = new HeaderDictionary
        {
            ["X-Internal"] = "1",
            ["Content-Language"] = "de",
            ["Content-Length"] = "5",
            ["X-Public"] = "1",
        };

        ConnectionHeaders.RemoveNamed(["x-internal", "Content-Language, Content-Length"], headers);

        Assert.Equal(["Content-Length", "X-Public"], headers.Keys.Order());
    }

    private static HttpRequestMessage CreateRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "http://upstream/")
        {
            Content = new ByteArrayContent("hello"u8.ToArray()),
        };
        request.Content.Headers.ContentType = new("text/plain");
        request.Content.Headers.ContentLanguage.Add("de");
        request.Content.Headers.ContentLength = 5;
        request.Headers.CacheControl = new() { NoCache = true };
        request.Headers.Via.ParseAdd("1.1 edge");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer t");
        request.Headers.TryAddWithoutValidation("Upgrade", "websocket");
        request.Headers.Add("X-Secret", "1");
        request.Headers.Add("X-Kept", "1");
        return request;
    }
}

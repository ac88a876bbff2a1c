using Gateway.Dsl.Model;
using Gateway.Policies;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Policies;

public sealed class TokenReaderTests
{
    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("BEARER   abc.def.ghi  ", "abc.def.ghi")]
    [InlineData("Bearer", "")]
    [InlineData("Bearer   ", "")]
    [InlineData("Basic dXNlcjpwYXNz", null)]
    [InlineData("Bearerabc.def.ghi", null)]
    [InlineData("", null)]
    public void Read_BearerHeader_TakesTheCredential(string header, string? expected)
    {
        var request = CreateRequest(("Authorization", header));

        Assert.Equal(expected, TokenReader.Read(request, TokenSource.Bearer));
    }

    [Fact]
    public void Read_NoAuthorizationHeader_IsNull()
    {
        Assert.Null(TokenReader.Read(CreateRequest(), TokenSource.Bearer));
    }

    [Fact]
    public void Read_TwoAuthorizationHeaders_IsEmpty()
    {
        var request = CreateRequest();
        request.Headers.Append("Authorization", "Bearer a.b.c");
        request.Headers.Append("Authorization", "Bearer d.e.f");

        Assert.Equal(string.Empty, TokenReader.Read(request, TokenSource.Bearer));
    }

    [Fact]
    public void Read_NamedHeader_TakesTheWholeValue()
    {
        var source = new TokenSource { Kind = TokenSourceKind.Header, Name = "X-Token" };

        Assert.Equal("a.b.c", TokenReader.Read(CreateRequest(("X-Token", " a.b.c ")), source));
        Assert.Null(TokenReader.Read(CreateRequest(("Authorization", "Bearer a.b.c")), source));
    }

    [Fact]
    public void Read_Cookie_TakesTheCookieValue()
    {
        var source = new TokenSource { Kind = TokenSourceKind.Cookie, Name = "access_token" };

        Assert.Equal("a.b.c", TokenReader.Read(CreateRequest(("Cookie", "theme=dark; access_token=a.b.c")), source));
        Assert.Null(TokenReader.Read(CreateRequest(("Cookie", "theme=dark")), source));
    }

    private static HttpRequest CreateRequest(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }
}

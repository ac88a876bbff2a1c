using Gateway.Dsl.Model;
using Gateway.Responses;
using Gateway.Routing;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Responses;

public sealed class RespondTemplateTests
{
    [Fact]
    public async Task WriteAsync_TemplateWithCapture_WritesLiteralAndCapturedText()
    {
        var template = CreateTemplate(200, Literal("user "), Capture("id", 0), Literal("!"));
        var context = Context("/users/42");
        var match = RouteMatch.Create(0);
        match.Capture("/users/42", "/users/42".AsSpan(7));

        await template.WriteAsync(context, match);

        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", context.Response.ContentType);
        Assert.Equal("user 42!", Body(context));
        Assert.Equal(8, context.Response.ContentLength);
    }

    [Fact]
    public async Task WriteAsync_NonAsciiCapture_CountsUtf8Bytes()
    {
        var template = CreateTemplate(200, Capture("name", 0));
        var context = Context("/héllo");
        var match = RouteMatch.Create(0);
        match.Capture("/héllo", "/héllo".AsSpan(1));

        await template.WriteAsync(context, match);

        Assert.Equal("héllo", Body(context));
        Assert.Equal(6, context.Response.ContentLength);
    }

    [Fact]
    public async Task WriteAsync_Status204_WritesNoBody()
    {
        var template = CreateTemplate(204, Literal("ignored"));
        var context = Context("/");

        await template.WriteAsync(context, RouteMatch.Create(0));

        Assert.Equal(204, context.Response.StatusCode);
        Assert.Equal(string.Empty, Body(context));
    }

    private static RespondTemplate CreateTemplate(int status, params TemplatePart[] parts) => new(status, parts);

    private static TemplatePart Literal(string text) => new() { Text = text, CaptureIndex = -1 };

    private static TemplatePart Capture(string name, int index) => new() { Text = name, CaptureIndex = index };

    private static DefaultHttpContext Context(string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static string Body(HttpContext context) => System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
}

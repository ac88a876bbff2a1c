using System.Text;
using Gateway.Dsl.Model;
using Gateway.Pipeline;
using Gateway.Routing;

namespace Gateway.Responses;

/// <summary>A <c>respond STATUS "body"</c> action, ready to write: literal parts pre-encoded, captures filled in per request.</summary>
public sealed class RespondTemplate
{
    // Literal parts hold their UTF-8 bytes; capture parts hold null and their capture index.
    private readonly (byte[]? Literal, int CaptureIndex)[] _parts;

    /// <summary>Prepares the body for <paramref name="status"/> from the route's template parts.</summary>
    public RespondTemplate(int status, IEnumerable<TemplatePart> parts, string contentType = RouteAction.DefaultContentType)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        Status = status;
        ContentType = contentType;
        _parts = parts.Select(p => p.IsCapture ? (null, p.CaptureIndex) : (Encoding.UTF8.GetBytes(p.Text), -1)).ToArray();
    }

    /// <summary>The status code to answer with.</summary>
    public int Status { get; }

    /// <summary>The body's media type.</summary>
    public string ContentType { get; }

    /// <summary>Builds the template of a respond action.</summary>
    public static RespondTemplate From(RouteAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new RespondTemplate(action.Status, action.Body, action.ContentType);
    }

    /// <summary>Writes the status and the body, with each capture's text taken from the request path.</summary>
    public Task WriteAsync(HttpContext context, in RouteMatch match) => WriteAsync(context, match, policies: null);

    /// <summary>Answers the request of <paramref name="context"/>: status and content headers, then the route's
    /// response policies, which have the last word on the headers as they do on forwarded responses, then the body.</summary>
    public Task WriteAsync(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteAsync(context.Http, context.Match, context);
    }

    private Task WriteAsync(HttpContext context, in RouteMatch match, RequestContext? policies)
    {
        var response = context.Response;
        response.StatusCode = Status;
        if (!CanHaveBody(Status) || _parts.Length == 0)
        {
            policies?.Route?.ApplyResponsePolicies(policies);
            return Task.CompletedTask;
        }

        // Captures are ranges into the path the matcher saw, which RouteRequest.From took from Path.Value.
        var path = (context.Request.Path.Value ?? "/").AsSpan();
        var length = 0;
        foreach (var (literal, capture) in _parts)
        {
            length += literal?.Length ?? Encoding.UTF8.GetByteCount(match.GetCaptureText(capture, path));
        }

        response.ContentType = ContentType;
        response.ContentLength = length;

        // The body is reflected request text; nosniff stops a browser from reading it as HTML.
        response.Headers.XContentTypeOptions = "nosniff";
        policies?.Route?.ApplyResponsePolicies(policies);

        var writer = response.BodyWriter;
        var span = writer.GetSpan(length);
        var written = 0;
        foreach (var (literal, capture) in _parts)
        {
            if (literal is not null)
            {
                literal.CopyTo(span[written..]);
                written += literal.Length;
            }
            else
            {
                written += Encoding.UTF8.GetBytes(match.GetCaptureText(capture, path), span[written..]);
            }
        }

        writer.Advance(written);
        var flush = writer.FlushAsync(context.RequestAborted);
        return flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
    }

    // 1xx, 204 and 304 responses carry no body (RFC 9110 §6.4.1).
    private static bool CanHaveBody(int status) => status >= 200 && status != 204 && status != 304;
}

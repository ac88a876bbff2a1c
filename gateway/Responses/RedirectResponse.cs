using System.Globalization;
using System.Text;
using Gateway.Dsl.Model;
using Gateway.Pipeline;

namespace Gateway.Responses;

/// <summary>A <c>redirect</c> action, ready to answer: the <c>Location</c> is the request's URL with the route's parts
/// replaced; the query string is always kept.</summary>
public sealed class RedirectResponse
{
    private readonly RedirectTarget _target;

    /// <summary>Prepares the redirect of <paramref name="target"/>.</summary>
    public RedirectResponse(RedirectTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = target;
    }

    /// <summary>The status code: 301, 302, 303, 307 or 308.</summary>
    public int Status => _target.Status;

    /// <summary>Writes the status and <c>Location</c>, with an empty body; the route's response policies run last, so
    /// their edits have the last word on the headers as they do on forwarded responses.</summary>
    public Task WriteAsync(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Http.Response;
        response.StatusCode = _target.Status;
        response.Headers.Location = Location(context);
        response.ContentLength = 0;
        context.Route?.ApplyResponsePolicies(context);
        return Task.CompletedTask;
    }

    /// <summary>The absolute URL the client is sent to.</summary>
    public string Location(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Http.Request;
        var scheme = _target.Scheme ?? request.Scheme;
        var host = _target.Host ?? request.Host.Host;

        // The request's port stays only while the scheme does: http://a:8080 → https://a, not https://a:8080.
        var port = _target.Port ?? (_target.Scheme is null || _target.Scheme == request.Scheme ? request.Host.Port : null);
        var isDefault = port is null || (scheme == "http" && port == 80) || (scheme == "https" && port == 443);

        var builder = new StringBuilder(scheme).Append("://");
        builder.Append(host.Contains(':') && !host.StartsWith('[') ? "[" + host + "]" : host);
        if (!isDefault)
        {
            builder.Append(':').Append(port!.Value.ToString(CultureInfo.InvariantCulture));
        }

        // Captures are the decoded path's text; PathString escapes what a URL cannot carry, and keeps the slashes.
        builder.Append(_target.Path.Count == 0 ? request.PathBase.Add(request.Path).ToUriComponent() : new PathString(context.Expand(_target.Path)).ToUriComponent());
        builder.Append(request.QueryString.Value);
        return builder.ToString();
    }
}

using Microsoft.AspNetCore.Http;

namespace Gateway.Routing;

/// <summary>The parts of a request that routing reads, as spans over strings the server already holds.</summary>
/// <remarks>A ref struct so that building one allocates nothing; both matchers take it by <c>in</c>.</remarks>
public readonly ref struct RouteRequest
{
    /// <summary>Creates a request view; <paramref name="query"/> may start with <c>?</c>.</summary>
    public RouteRequest(ReadOnlySpan<char> host, ReadOnlySpan<char> method, ReadOnlySpan<char> path, ReadOnlySpan<char> query, IHeaderDictionary? headers)
    {
        Host = host;
        Method = method;
        Path = path;
        Query = query;
        Headers = headers;
    }

    /// <summary>The Host header as sent, port included (normalized by <see cref="HostName"/>).</summary>
    public ReadOnlySpan<char> Host { get; }

    /// <summary>The request method, e.g. <c>GET</c> (case-sensitive, as HTTP says).</summary>
    public ReadOnlySpan<char> Method { get; }

    /// <summary>The decoded request path, starting with <c>/</c>.</summary>
    public ReadOnlySpan<char> Path { get; }

    /// <summary>The raw query string, with or without its leading <c>?</c>.</summary>
    public ReadOnlySpan<char> Query { get; }

    /// <summary>The request headers, or null when there are none to consult.</summary>
    public IHeaderDictionary? Headers { get; }

    /// <summary>A view of an ASP.NET Core request; allocates nothing.</summary>
    public static RouteRequest From(HttpRequest request) =>
        new(request.Host.Value, request.Method, request.Path.Value ?? "/", request.QueryString.Value, request.Headers);
}

using Microsoft.AspNetCore.Http;

namespace Gateway.Routing;

/// <summary>The parts of a request that routing reads, as spans over strings the server already holds.</summary>
/// <remarks>
/// A ref struct so that building one allocates nothing; both matchers take it by <c>in</c>. Made from an
/// <see cref="HttpRequest"/> (<see cref="From"/>), it reads the host, query and headers only when the matcher asks
/// for them: a table without host, header or query routes never pays for those lookups (on a
/// <c>DefaultHttpContext</c> the Host header alone is a dictionary lookup), as ASP.NET Core's DfaMatcher reads the
/// host only when some endpoint has a host policy.
/// </remarks>
public readonly ref struct RouteRequest
{
    private readonly HttpRequest? _source;
    private readonly ReadOnlySpan<char> _host;
    private readonly ReadOnlySpan<char> _query;
    private readonly IHeaderDictionary? _headers;

    /// <summary>Creates a request view; <paramref name="query"/> may start with <c>?</c>.</summary>
    public RouteRequest(ReadOnlySpan<char> host, ReadOnlySpan<char> method, ReadOnlySpan<char> path, ReadOnlySpan<char> query, IHeaderDictionary? headers)
    {
        _host = host;
        Method = method;
        Path = path;
        _query = query;
        _headers = headers;
    }

    private RouteRequest(HttpRequest source)
    {
        _source = source;
        Method = source.Method;
        Path = source.Path.Value ?? "/";
    }

    private RouteRequest(HttpRequest? source, ReadOnlySpan<char> host, ReadOnlySpan<char> method, ReadOnlySpan<char> path,
        ReadOnlySpan<char> query, IHeaderDictionary? headers)
    {
        _source = source;
        _host = host;
        Method = method;
        Path = path;
        _query = query;
        _headers = headers;
    }

    /// <summary>The Host header as sent, port included (normalized by <see cref="HostName"/>).</summary>
    public ReadOnlySpan<char> Host => _source is null ? _host : _source.Host.Value;

    /// <summary>The request method, e.g. <c>GET</c> (case-sensitive, as HTTP says).</summary>
    public ReadOnlySpan<char> Method { get; }

    /// <summary>The decoded request path, starting with <c>/</c>.</summary>
    public ReadOnlySpan<char> Path { get; }

    /// <summary>The raw query string, with or without its leading <c>?</c>.</summary>
    public ReadOnlySpan<char> Query => _source is null ? _query : _source.QueryString.Value;

    /// <summary>The request headers, or null when there are none to consult.</summary>
    public IHeaderDictionary? Headers => _source is null ? _headers : _source.Headers;

    /// <summary>A view of an ASP.NET Core request; allocates nothing, and reads the method and path only until asked for more.</summary>
    public static RouteRequest From(HttpRequest request) => new(request);

    /// <summary>The same request with another method, e.g. the one a CORS preflight asks about; allocates nothing.</summary>
    public RouteRequest WithMethod(ReadOnlySpan<char> method) => new(_source, _host, method, Path, _query, _headers);
}

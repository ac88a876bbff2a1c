using Microsoft.AspNetCore.Http;

namespace Gateway.DifferentialTests.Common;

/// <summary>A generated request: what the matchers see, held as strings so it can be replayed and printed.</summary>
internal sealed record TestRequest(string Host, string Method, string Path, string Query, HeaderDictionary Headers)
{
    /// <summary>The request as the matchers take it.</summary>
    public Gateway.Routing.RouteRequest ToRouteRequest() => new(Host, Method, Path, Query, Headers);

    /// <summary>A readable form for failure messages.</summary>
    public override string ToString() =>
        Method + " " + Host + Path + Query + string.Concat(Headers.Select(h => " [" + h.Key + ": " + h.Value + "]"));
}

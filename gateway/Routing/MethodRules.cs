using Gateway.Dsl.Model;
using Microsoft.AspNetCore.Http.Features;
using Route = Gateway.Dsl.Model.Route;

namespace Gateway.Routing;

/// <summary>The two methods the gateway answers itself instead of passing on: CONNECT always, TRACE unless the route names it.</summary>
/// <remarks>
/// <para>CONNECT asks the recipient to open a TCP tunnel to an authority (RFC 9110 §9.3.6): forward-proxy work, which an
/// API gateway does not do, and which YARP's forwarder throws for by design, so it used to end as a 502 that blamed the
/// upstream. The answer is 501 rather than 405: 405 says the target resource supports other methods and must list them
/// in Allow, but a CONNECT target is an authority (<c>example.com:443</c>), not a resource the route table knows, and
/// the gateway supports CONNECT for no resource at all, which is what 501 says (RFC 9110 §15.6.2). HTTP/2 WebSockets
/// use an extended CONNECT with a <c>:protocol</c> (RFC 8441) that YARP forwards as an upgrade; those pass.</para>
/// <para>TRACE makes the recipient echo the request, headers included, back to the client; with cookies or
/// credentials in those headers that is cross-site tracing. A route that accepts every method would otherwise forward
/// (or answer) it without its author having chosen to, so it passes only where the route names <c>method TRACE</c>,
/// and is 405 elsewhere. A route that names other methods and not TRACE does not match a TRACE request at all (404), so
/// the 405 always comes from a route that accepts every method, and its Allow header lists every method but these two.
/// Respond routes follow the same rule.</para>
/// <para>Both tests ignore case, although methods are case-sensitive: an upstream that reads <c>trace</c> as TRACE is
/// reason enough, and YARP's own CONNECT test ignores case too.</para>
/// </remarks>
public static class MethodRules
{
    /// <summary>The Allow header of a TRACE refused by a route that accepts every method.</summary>
    public const string AllowExceptTrace = "GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS";

    /// <summary>Whether the request asks for a tunnel: CONNECT, other than the extended CONNECT of an HTTP/2 WebSocket.</summary>
    public static bool IsTunnel(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HttpMethods.IsConnect(context.Request.Method)
            && context.Features.Get<IHttpExtendedConnectFeature>() is not { IsExtendedConnect: true };
    }

    /// <summary>Whether the request is a TRACE that <paramref name="route"/> does not name.</summary>
    public static bool IsUnnamedTrace(string method, Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return HttpMethods.IsTrace(method) && (route.Methods & MethodSet.Trace) == 0;
    }
}

using Gateway.Dsl.Model;
using Gateway.Logging;
using Gateway.Pipeline;
using Gateway.Responses;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Gateway.Policies;

/// <summary><c>cors { … }</c>: the Fetch standard's CORS protocol (https://fetch.spec.whatwg.org/#http-cors-protocol).
/// As a request policy it answers preflights; as a response policy it adds the CORS headers to every other response
/// of the route, the upstream's and the gateway's own.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>A preflight (<c>OPTIONS</c> with <c>Origin</c> and <c>Access-Control-Request-Method</c>) is answered here and
/// never forwarded: 204 with the allow headers when origin, method and headers are allowed, otherwise a 403 problem
/// without CORS headers (the browser then refuses the actual request).</item>
/// <item>Any other request is served as usual. When its origin is allowed the response gets
/// <c>Access-Control-Allow-Origin</c>, <c>-Allow-Credentials</c> and <c>-Expose-Headers</c>; when it is not, the response
/// goes out without them and the browser keeps it from the page, as ASP.NET Core, rs/cors and Envoy do.</item>
/// <item>The route's answer replaces any <c>Access-Control-*</c> header the upstream sent: the reviewed route file is
/// the one place that says who may read the route, so an upstream that reflects every origin cannot widen it, and a
/// second <c>Access-Control-Allow-Origin</c> would make browsers fail the request anyway.</item>
/// <item><c>Vary: Origin</c> goes on every response of the route, with or without an <c>Origin</c>, so that a cache
/// never serves a response made for one origin (or for none) to another.</item>
/// </list>
/// </remarks>
public sealed class CorsPolicy : IRequestPolicy, IResponsePolicy
{
    // Request headers a preflight may name without the block listing them: the CORS-safelisted names whose values
    // browsers rarely need to ask about (ASP.NET Core's "simple request headers"). Content-Type is not one: a browser
    // names it only for a value such as application/json, which the route must allow explicitly.
    private static readonly string[] SafelistedHeaders = ["accept", "accept-language", "content-language"];

    private const string PreflightVary = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    private readonly string _route;
    private readonly ILogger _logger;
    private readonly CorsOrigins _origins;
    private readonly string[] _methods;
    private readonly bool _anyMethod;
    private readonly string? _allowMethods;
    private readonly string[] _headers;
    private readonly bool _anyHeader;
    private readonly string? _expose;
    private readonly string? _maxAge;
    private readonly bool _credentials;

    /// <summary>Builds the policy of route <paramref name="route"/> from its checked <paramref name="settings"/>.</summary>
    /// <exception cref="ArgumentException">Origin <c>*</c> with credentials, which the checker rejects (GW0233): reflecting
    /// every origin with credentials would let any site read the user's data.</exception>
    public CorsPolicy(CorsSettings settings, string route, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(logger);
        _origins = new CorsOrigins(settings.Origins);
        if (_origins.AllowsAny && settings.Credentials)
        {
            throw new ArgumentException("Origin '*' cannot go with credentials.", nameof(settings));
        }

        _route = route;
        _logger = logger;
        _methods = settings.Methods.ToArray();
        _anyMethod = _methods.Contains("*");

        // Without '*' every preflight gets the whole list, so a browser can cache one answer for all of the methods.
        _allowMethods = _anyMethod ? null : string.Join(", ", _methods);
        _headers = settings.Headers.ToArray();
        _anyHeader = _headers.Contains("*");
        _expose = settings.ExposeHeaders.Count == 0 ? null : string.Join(", ", settings.ExposeHeaders);
        _maxAge = settings.MaxAge is { } maxAge ? ((long)maxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        _credentials = settings.Credentials;
    }

    /// <summary>Whether <paramref name="request"/> is a CORS preflight: <c>OPTIONS</c> with <c>Origin</c> and
    /// <c>Access-Control-Request-Method</c>. Any other <c>OPTIONS</c> is an ordinary request.</summary>
    public static bool IsPreflight(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsOptions(request.Method)
            && !StringValues.IsNullOrEmpty(request.Headers.Origin)
            && !StringValues.IsNullOrEmpty(request.Headers.AccessControlRequestMethod);
    }

    /// <inheritdoc/>
    public ValueTask<PolicyResult> ApplyAsync(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsPreflight(context.Http.Request) ? AnswerPreflightAsync(context) : ValueTask.FromResult(PolicyResult.Continue);
    }

    /// <summary>Answers a preflight: 204 with the allow headers, or a 403 problem without CORS headers.</summary>
    public ValueTask<PolicyResult> AnswerPreflightAsync(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Http.Request.Headers;
        var origin = request.Origin.ToString();
        if (!_origins.Allows(origin))
        {
            return RejectAsync(context, ProblemResponse.CorsOriginRejected, "origin", origin);
        }

        var method = request.AccessControlRequestMethod.ToString();
        if (!AllowsMethod(method))
        {
            return RejectAsync(context, ProblemResponse.CorsMethodRejected, "method", method);
        }

        var requested = request.AccessControlRequestHeaders;
        if (FirstRefusedHeader(requested) is { } refused)
        {
            return RejectAsync(context, ProblemResponse.CorsHeadersRejected, "header", refused);
        }

        context.Answered(StatusCodes.Status204NoContent, OutcomeReason.CorsPreflight);
        var response = context.Http.Response;
        var headers = response.Headers;
        headers.AccessControlAllowOrigin = AllowOrigin(origin);
        headers.AccessControlAllowMethods = _allowMethods ?? method;

        // Every requested header passed the check above, so the answer names them all, safelisted ones included: a
        // client that asked about one must see it allowed.
        if (!StringValues.IsNullOrEmpty(requested))
        {
            headers.AccessControlAllowHeaders = requested.ToString();
        }

        if (_credentials)
        {
            headers.AccessControlAllowCredentials = "true";
        }

        if (_maxAge is not null)
        {
            headers.AccessControlMaxAge = _maxAge;
        }

        headers.Vary = PreflightVary;
        response.StatusCode = StatusCodes.Status204NoContent;
        context.Route?.ApplyResponsePolicies(context);
        return ValueTask.FromResult(PolicyResult.Answered);
    }

    /// <inheritdoc/>
    /// <remarks>Preflight answers carry their own headers, and refused preflights none.</remarks>
    public void Apply(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Outcome.Reason is OutcomeReason.CorsPreflight or OutcomeReason.CorsRejected)
        {
            return;
        }

        var headers = context.Http.Response.Headers;
        headers.Remove(HeaderNames.AccessControlAllowOrigin);
        headers.Remove(HeaderNames.AccessControlAllowCredentials);
        headers.Remove(HeaderNames.AccessControlExposeHeaders);
        headers.Remove(HeaderNames.AccessControlAllowMethods);
        headers.Remove(HeaderNames.AccessControlAllowHeaders);
        headers.Remove(HeaderNames.AccessControlMaxAge);
        AddVaryOrigin(headers);

        // Two Origin headers are no browser's request; such a request gets no CORS headers.
        var origin = context.Http.Request.Headers.Origin;
        if (origin.Count != 1 || !_origins.Allows(origin[0]))
        {
            return;
        }

        headers.AccessControlAllowOrigin = AllowOrigin(origin[0]!);
        if (_credentials)
        {
            headers.AccessControlAllowCredentials = "true";
        }

        if (_expose is not null)
        {
            headers.AccessControlExposeHeaders = _expose;
        }
    }

    // '*' only for '*' origins without credentials (the constructor rules the pair out); otherwise the request's origin,
    // as sent, because browsers compare it byte for byte.
    private string AllowOrigin(string origin) => _origins.AllowsAny && !_credentials ? "*" : origin;

    // Methods are case-sensitive (RFC 9110 §9.1); browsers send the standard ones in upper case, as the checker wants them.
    private bool AllowsMethod(string method) => _anyMethod || Array.IndexOf(_methods, method) >= 0;

    // The first header of Access-Control-Request-Headers (a comma-separated list, possibly over several lines) that the
    // route does not allow, or null.
    private string? FirstRefusedHeader(StringValues requested)
    {
        foreach (var line in requested)
        {
            var list = line.AsSpan();
            foreach (var range in list.Split(','))
            {
                var name = list[range].Trim(" \t");
                if (!name.IsEmpty && !AllowsHeader(name))
                {
                    return name.ToString();
                }
            }
        }

        return null;
    }

    // Header '*' allows any header but Authorization, which must be named, as the Fetch standard treats a '*' answer.
    private bool AllowsHeader(ReadOnlySpan<char> name)
    {
        if (Contains(_headers, name) || Contains(SafelistedHeaders, name))
        {
            return true;
        }

        return _anyHeader && !name.Equals(HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase);
    }

    private static bool Contains(string[] names, ReadOnlySpan<char> name)
    {
        foreach (var candidate in names)
        {
            if (name.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // Adds Origin to the response's Vary unless it is there already (or Vary is '*'); the upstream's own entries stay.
    private static void AddVaryOrigin(IHeaderDictionary headers)
    {
        var vary = headers.Vary;
        if (vary.Count == 0)
        {
            headers.Vary = HeaderNames.Origin;
            return;
        }

        foreach (var line in vary)
        {
            var list = line.AsSpan();
            foreach (var range in list.Split(','))
            {
                var token = list[range].Trim(" \t");
                if (token.Equals(HeaderNames.Origin, StringComparison.OrdinalIgnoreCase) || token is "*")
                {
                    return;
                }
            }
        }

        headers.Vary = StringValues.Concat(vary, HeaderNames.Origin);
    }

    private ValueTask<PolicyResult> RejectAsync(RequestContext context, ProblemResponse problem, string part, string value)
    {
        Log.CorsPreflightRejected(_logger, _route, part, value);
        return context.AnswerAsync(problem, OutcomeReason.CorsRejected);
    }
}

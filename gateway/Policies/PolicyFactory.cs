using Gateway.Dsl.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Route = Gateway.Dsl.Model.Route;

namespace Gateway.Policies;

/// <summary>Builds a route's policies from its checked <see cref="RoutePolicies"/>, once per table snapshot.</summary>
/// <remarks>
/// The order is the gateway's, not the file's:
/// <code>
/// CORS preflight ► authentication (jwt, api-key) ► authorization (require) ► external authorization
///   ► identity headers (forward) ► plugins (C#) ► request-header edits ► the route's action
/// </code>
/// Rejections come before anything that changes the request, and identity headers are set only after the identity is
/// known. Both routers share what is built here: the generator emits matching, not policies.
/// </remarks>
public sealed class PolicyFactory
{
    private readonly KeySetRegistry _keySets;
    private readonly ILoggerFactory _loggers;

    /// <summary>A factory with a registry of its own and no logging, for tests and tables built without the host.</summary>
    public PolicyFactory()
        : this(new KeySetRegistry(NullLoggerFactory.Instance), NullLoggerFactory.Instance)
    {
    }

    /// <summary>A factory whose <c>jwt</c> policies share the process's JWKS key sets.</summary>
    public PolicyFactory(KeySetRegistry keySets, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(keySets);
        ArgumentNullException.ThrowIfNull(loggers);
        _keySets = keySets;
        _loggers = loggers;
    }

    /// <summary>Builds the policies of <paramref name="route"/>.</summary>
    public RoutePolicySet Build(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var settings = route.Policies;
        if (ReferenceEquals(settings, RoutePolicies.None))
        {
            return RoutePolicySet.None;
        }

        var chain = new List<IRequestPolicy>();
        var response = new List<IResponsePolicy>();
        RequireBuilt(settings.Cors, "cors");
        if (settings.Jwt is { } jwt)
        {
            chain.Add(JwtPolicy.Create(route.Name, jwt, _keySets, _loggers));
        }

        RequireBuilt(settings.ApiKey, "api-key");
        if (settings.Requirements.Count > 0)
        {
            chain.Add(new RequirePolicy(route.Name, settings.Requirements, _loggers.CreateLogger<RequirePolicy>()));
        }

        RequireBuilt(settings.ExternalAuth, "ext-auth");
        if (settings.IdentityHeaders.Count > 0)
        {
            chain.Add(new IdentityHeaderPolicy(settings.IdentityHeaders));
        }

        RequireBuilt(settings.Plugins.Count == 0 ? null : settings.Plugins, "plugin");
        if (settings.RequestHeaders.Count > 0)
        {
            chain.Add(new RequestHeaderPolicy(settings.RequestHeaders));
        }

        if (settings.ResponseHeaders.Count > 0)
        {
            response.Add(new ResponseHeaderPolicy(settings.ResponseHeaders));
        }

        return new RoutePolicySet(chain.Count == 0 ? PolicyChain.Empty : new PolicyChain(chain.ToArray()), response.ToArray());
    }

    // Until every policy kind is built here, a route that uses an unbuilt one must fail to load rather than run open.
    private static void RequireBuilt(object? settings, string keyword)
    {
        if (settings is not null)
        {
            throw new NotSupportedException($"The '{keyword}' policy is not built yet.");
        }
    }
}

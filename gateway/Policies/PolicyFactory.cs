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
    private readonly ILoggerFactory _loggers;

    /// <summary>Creates the factory; without <paramref name="loggers"/> (tests, tools) the policies log nothing.</summary>
    public PolicyFactory(ILoggerFactory? loggers = null)
    {
        _loggers = loggers ?? NullLoggerFactory.Instance;
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
        CorsPolicy? cors = null;
        if (settings.Cors is { } corsSettings)
        {
            // First in both lists: preflights are answered before anything asks for credentials, and the route's own
            // response-header edits run after the CORS headers are in place.
            cors = new CorsPolicy(corsSettings, route.Name, _loggers.CreateLogger<CorsPolicy>());
            chain.Add(cors);
            response.Add(cors);
        }

        RequireBuilt(settings.Jwt, "jwt");
        RequireBuilt(settings.ApiKey, "api-key");
        RequireBuilt(settings.Requirements.Count == 0 ? null : settings.Requirements, "require");
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

        return new RoutePolicySet(chain.Count == 0 ? PolicyChain.Empty : new PolicyChain(chain.ToArray()), response.ToArray()) { Cors = cors };
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

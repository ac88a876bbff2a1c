using Gateway.Dsl.Model;
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
/// known. Both routers share what is built here: the generator emits matching and the plugin registry
/// (<see cref="GeneratedPlugins"/>), not policy chains.
/// </remarks>
public sealed class PolicyFactory
{
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
        RequireBuilt(settings.Jwt, "jwt");
        RequireBuilt(settings.ApiKey, "api-key");
        RequireBuilt(settings.Requirements.Count == 0 ? null : settings.Requirements, "require");
        RequireBuilt(settings.ExternalAuth, "ext-auth");
        if (settings.IdentityHeaders.Count > 0)
        {
            chain.Add(new IdentityHeaderPolicy(settings.IdentityHeaders));
        }

        foreach (var call in settings.Plugins)
        {
            chain.Add(CreatePlugin(route, call));
        }

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

    /// <summary>One instance of the C# policy <paramref name="call"/> names, per route and snapshot.</summary>
    /// <remarks>Route files are checked against the same registry before a snapshot is built (the build for
    /// <c>routes.gw</c>, <see cref="Routing.RouteTableLoader.Check"/> for a file loaded at run time), so a failure here is
    /// a table that skipped the check: a bug, not a user's mistake.</remarks>
    private static IRequestPolicy CreatePlugin(Route route, PluginCall call) =>
        GeneratedPlugins.Create(call, out var error)
        ?? throw new InvalidOperationException($"Route '{route.Name}' (line {call.Line}): {error} The route file was not checked against the plugins before its snapshot was built.");

    // Until every policy kind is built here, a route that uses an unbuilt one must fail to load rather than run open.
    private static void RequireBuilt(object? settings, string keyword)
    {
        if (settings is not null)
        {
            throw new NotSupportedException($"The '{keyword}' policy is not built yet.");
        }
    }
}

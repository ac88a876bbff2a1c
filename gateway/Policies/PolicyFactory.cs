using Gateway.Dsl.Model;
using Gateway.Policies.ApiKeys;
using Gateway.Logging;
using Gateway.Policies.ExternalAuth;
using Gateway.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using Route = Gateway.Dsl.Model.Route;

namespace Gateway.Policies;

/// <summary>Builds a route's policies from its checked <see cref="RoutePolicies"/>, once per table snapshot.</summary>
/// <remarks>
/// The order is the gateway's, not the file's:
/// <code>
/// CORS preflight ► authentication (jwt, api-key) ► authorization (require) ► rate limit ► external authorization
///   ► identity headers (forward) ► plugins (C#) ► request-header edits ► the route's action
/// </code>
/// Rejections come before anything that changes the request, and identity headers are set only after the identity is
/// known. The rate limit comes after authentication, so it can count by a claim or a consumer, and before external
/// authorization, so a flood is turned away before it reaches the authorization service. Both routers share what is built here: the generator emits matching and the plugin registry
/// (<see cref="GeneratedPlugins"/>), not policy chains.
/// </remarks>
public sealed class PolicyFactory
{
    private readonly ApiKeyStoreRegistry _keyStores;
    private readonly ExternalAuthClient _authClient;
    private readonly KeySetRegistry _keySets;
    private readonly RedisRateLimitStores _redis;
    private readonly ILoggerFactory _loggers;

    /// <summary>Creates the factory with the process-wide parts policies share (the DI container's constructor).</summary>
    /// <param name="keyStores">Keeps each keys file's store across snapshots.</param>
    /// <param name="authClient">The client of every <c>ext-auth</c> policy.</param>
    /// <param name="keySets">The process's JWKS key sets, shared by URL across snapshots.</param>
    /// <param name="redis">The process's Redis connections for global rate limits.</param>
    /// <param name="loggers">Creates the policies' loggers.</param>
    public PolicyFactory(ApiKeyStoreRegistry keyStores, ExternalAuthClient authClient, KeySetRegistry keySets, RedisRateLimitStores redis, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(keyStores);
        ArgumentNullException.ThrowIfNull(authClient);
        ArgumentNullException.ThrowIfNull(keySets);
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(loggers);
        _keyStores = keyStores;
        _authClient = authClient;
        _keySets = keySets;
        _redis = redis;
        _loggers = loggers;
    }

    /// <summary>Creates a factory with parts of its own and no logging, for tests and tools without DI.</summary>
    public PolicyFactory()
        : this(new ApiKeyStoreRegistry(), new ExternalAuthClient(), new KeySetRegistry(NullLoggerFactory.Instance),
            new RedisRateLimitStores(NullLoggerFactory.Instance, RedisRateLimitStores.DefaultTimeout, null), NullLoggerFactory.Instance)
    {
    }

    /// <summary>Builds the policies of <paramref name="route"/>; <paramref name="redis"/> is the route file's
    /// <c>redis</c> address, for global limits, unless configuration names another.</summary>
    public RoutePolicySet Build(Route route, RedisAddress? redis = null)
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

        if (settings.Jwt is { } jwt)
        {
            chain.Add(JwtPolicy.Create(route.Name, jwt, _keySets, _loggers));
        }

        if (settings.ApiKey is { } apiKey)
        {
            chain.Add(new ApiKeyPolicy(route.Name, apiKey, _keyStores.Get(apiKey.KeysFile), _loggers.CreateLogger<ApiKeyPolicy>()));
        }

        if (settings.Requirements.Count > 0)
        {
            chain.Add(new RequirePolicy(route.Name, settings.Requirements, _loggers.CreateLogger<RequirePolicy>()));
        }

        if (settings.RateLimit is { } limit)
        {
            var logger = _loggers.CreateLogger<RateLimitPolicy>();
            var store = limit.Global ? _redis.Get(redis?.ToString()) : null;
            if (limit.Global && store is null)
            {
                Log.RedisNotConfigured(logger, route.Name, limit.Line, limit.FailOpen ? "open" : "closed");
            }

            var policy = new RateLimitPolicy(route.Name, limit, store, logger);
            chain.Add(policy);
            response.Add(policy);
        }

        if (settings.ExternalAuth is { } externalAuth)
        {
            chain.Add(new ExternalAuthPolicy(route.Name, externalAuth, _authClient, _loggers.CreateLogger<ExternalAuthPolicy>()));
        }

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

        return new RoutePolicySet(chain.Count == 0 ? PolicyChain.Empty : new PolicyChain(chain.ToArray()), response.ToArray()) { Cors = cors };
    }

    /// <summary>One instance of the C# policy <paramref name="call"/> names, per route and snapshot.</summary>
    /// <remarks>Route files are checked against the same registry before a snapshot is built (the build for
    /// <c>routes.gw</c>, <see cref="Routing.RouteTableLoader.Check"/> for a file loaded at run time), so a failure here is
    /// a table that skipped the check: a bug, not a user's mistake.</remarks>
    private static IRequestPolicy CreatePlugin(Route route, PluginCall call) =>
        GeneratedPlugins.Create(call, out var error)
        ?? throw new InvalidOperationException($"Route '{route.Name}' (line {call.Line}): {error} The route file was not checked against the plugins before its snapshot was built.");
}

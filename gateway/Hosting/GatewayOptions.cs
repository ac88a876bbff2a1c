namespace Gateway.Hosting;

/// <summary>The <c>Gateway</c> configuration section: overrides for tests and deployments (command line, env, appsettings).</summary>
/// <remarks>For example <c>--Gateway:RoutesFile=/etc/gateway/routes.gw</c> or <c>Gateway__Listen=0.0.0.0:8080</c>.</remarks>
public sealed record GatewayOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Gateway";

    /// <summary>The public listener when the route file has no <c>listen</c>.</summary>
    public const string DefaultListen = "0.0.0.0:8080";

    /// <summary>The admin listener when the route file has no <c>admin</c>: loopback, so it is private unless chosen otherwise.</summary>
    public const string DefaultAdmin = "127.0.0.1:9901";

    /// <summary><c>host:port</c> for the public listener; overrides the route file's <c>listen</c>.</summary>
    public string? Listen { get; init; }

    /// <summary><c>host:port</c> for the admin listener; overrides the route file's <c>admin</c>.</summary>
    public string? Admin { get; init; }

    /// <summary>A route file to read at startup and match with the interpreter; unset means the compiled router.</summary>
    public string? RoutesFile { get; init; }

    /// <summary>How long a forwarded request may make no progress before it fails with 504 (YARP's ActivityTimeout).</summary>
    public TimeSpan UpstreamTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>How long opening a connection to an upstream endpoint may take before it fails with 502.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often each <c>api-key</c> keys file is checked for changes (a read and a hash, off the request path).</summary>
    public TimeSpan KeysFileCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary><c>host:port</c> of the Redis server global rate limits count in; overrides the route file's <c>redis</c>.</summary>
    public string? Redis { get; init; }

    /// <summary>The most a global rate limit decision waits for Redis before the route's failure mode applies.</summary>
    public TimeSpan RedisTimeout { get; init; } = RateLimiting.RedisRateLimitStores.DefaultTimeout;

    /// <summary>Reads the section from <paramref name="configuration"/>; missing values keep their defaults.</summary>
    public static GatewayOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var defaults = new GatewayOptions();
        return new GatewayOptions
        {
            Listen = section[nameof(Listen)],
            Admin = section[nameof(Admin)],
            RoutesFile = section[nameof(RoutesFile)],
            UpstreamTimeout = section.GetValue(nameof(UpstreamTimeout), defaults.UpstreamTimeout),
            ConnectTimeout = section.GetValue(nameof(ConnectTimeout), defaults.ConnectTimeout),
            KeysFileCheckInterval = section.GetValue(nameof(KeysFileCheckInterval), defaults.KeysFileCheckInterval),
            Redis = section[nameof(Redis)],
            RedisTimeout = section.GetValue(nameof(RedisTimeout), defaults.RedisTimeout),
        };
    }
}

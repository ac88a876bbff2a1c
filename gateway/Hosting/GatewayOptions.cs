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
    /// <remarks>A time that does not parse, or is zero, negative or longer than a day, keeps its default and adds a line
    /// to <see cref="Problems"/>, which the gateway prints before it refuses to start; an empty value is not set.</remarks>
    public static GatewayOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var defaults = new GatewayOptions();
        var problems = new List<string>();
        return new GatewayOptions
        {
            Listen = section[nameof(Listen)],
            Admin = section[nameof(Admin)],
            RoutesFile = section[nameof(RoutesFile)],
            UpstreamTimeout = Time(section, nameof(UpstreamTimeout), defaults.UpstreamTimeout, problems),
            ConnectTimeout = Time(section, nameof(ConnectTimeout), defaults.ConnectTimeout, problems),
            KeysFileCheckInterval = Time(section, nameof(KeysFileCheckInterval), defaults.KeysFileCheckInterval, problems),
            Redis = string.IsNullOrWhiteSpace(section[nameof(Redis)]) ? null : section[nameof(Redis)],
            RedisTimeout = Time(section, nameof(RedisTimeout), defaults.RedisTimeout, problems),
            Problems = problems,
        };
    }

    /// <summary>Settings that could not be used, one line each (<c>error: …</c>); empty when all are fine.</summary>
    public IReadOnlyList<string> Problems { get; init; } = Array.Empty<string>();

    /// <summary>Reads a time written <c>hh:mm:ss[.fffffff]</c> (a bare number is days, as .NET reads it).</summary>
    private static TimeSpan Time(IConfigurationSection section, string key, TimeSpan fallback, List<string> problems)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            problems.Add($"error: {Section}:{key} '{text}' is not a time; write hh:mm:ss[.fff], e.g. '{fallback:c}'.");
            return fallback;
        }

        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            problems.Add($"error: {Section}:{key} '{text}' must be more than zero and at most a day (1.00:00:00); the default is '{fallback:c}'.");
            return fallback;
        }

        return value;
    }
}

namespace Gateway.Hosting;

/// <summary>Configuration defaults of the gateway; appsettings, environment variables and the command line override each one.</summary>
public static class GatewayDefaults
{
    /// <summary>The default values, keyed as configuration paths.</summary>
    /// <remarks>
    /// ASP.NET Core logs two Information lines per request and YARP one more, which costs more than routing does
    /// in the benchmarks; the gateway's own lines cover failures. YARP's forwarder also logs each failure at
    /// Warning, which <c>ForwardErrors</c> already logs once with the route and endpoint, so it is kept to Error.
    /// </remarks>
    public static IReadOnlyDictionary<string, string?> Values { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Yarp.ReverseProxy.Forwarder"] = "Error",
    };

    /// <summary>Puts the defaults first among <paramref name="configuration"/>'s sources, so every other source overrides them.</summary>
    public static void AddTo(IConfigurationBuilder configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = Values });
    }
}

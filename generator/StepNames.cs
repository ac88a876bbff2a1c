namespace Gateway.Generator;

/// <summary>The tracking names of the generator's pipeline steps, so incremental tests can ask how each step ran.</summary>
internal static class StepNames
{
    /// <summary>Each <c>*.gw</c> AdditionalFile read into plain strings.</summary>
    public const string RouteFileTexts = nameof(RouteFileTexts);

    /// <summary>Each route file lexed, parsed, checked and planned.</summary>
    public const string ParsedRouteFiles = nameof(ParsedRouteFiles);

    /// <summary>Each class marked <c>[GeneratedRoutes]</c>, reduced to names and flags.</summary>
    public const string RoutesClasses = nameof(RoutesClasses);

    /// <summary>Each marked class paired with the route file it names.</summary>
    public const string RoutesTargets = nameof(RoutesTargets);

    /// <summary>Each class marked <c>[GatewayPolicy]</c>, reduced to its name, type and constructor parameters.</summary>
    public const string PluginClasses = nameof(PluginClasses);

    /// <summary>All plugin classes, ordered by name, duplicates marked.</summary>
    public const string PluginCatalog = nameof(PluginCatalog);

    /// <summary>Each route file's <c>plugin</c> lines checked against the catalog.</summary>
    public const string PluginCallReports = nameof(PluginCallReports);

    /// <summary>The declaration of <c>Gateway.Policies.GeneratedPlugins</c>, if the compilation has one.</summary>
    public const string PluginRegistryClass = nameof(PluginRegistryClass);

    /// <summary>The registry's declaration paired with the catalog.</summary>
    public const string PluginRegistryTarget = nameof(PluginRegistryTarget);
}

namespace Gateway.Generator.Model;

/// <summary>The registry's declaration and the plugins to put in it: the registry emitter's whole input.</summary>
internal sealed record PluginRegistryTarget
{
    /// <summary>The declaration to complete.</summary>
    public required PluginRegistryClass Class { get; init; }

    /// <summary>Every plugin class; only the usable ones are registered.</summary>
    public required PluginCatalog Catalog { get; init; }
}

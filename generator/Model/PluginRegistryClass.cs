namespace Gateway.Generator.Model;

/// <summary>The declaration of <c>Gateway.Policies.GeneratedPlugins</c> that asks for a plugin registry.</summary>
/// <remarks>The gateway declares it (<c>gateway/Policies/GeneratedPlugins.cs</c>), as it declares <c>Routes</c>; a
/// compilation without it, such as one that only references the gateway, gets no registry.</remarks>
internal sealed record PluginRegistryClass
{
    /// <summary>The declared accessibility as a keyword: <c>public</c> or <c>internal</c>.</summary>
    public required string Accessibility { get; init; }
}

using System.Linq;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;

namespace Gateway.Generator.Model;

/// <summary>What the generator needs to know of a class marked <c>[GatewayPolicy("name")]</c>: names, parameters, flags.</summary>
internal sealed record PluginClass
{
    /// <summary>The plugin's name from the attribute, or null when the argument is not a string.</summary>
    public required string? Name { get; init; }

    /// <summary>The class, fully qualified with <c>global::</c>, for emitted code.</summary>
    public required string TypeName { get; init; }

    /// <summary>The class as people write it, e.g. <c>Gateway.Plugins.TenantTagPolicy</c>, for messages and comments.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The public constructor's parameters, in order; empty when <see cref="Problem"/> is about the constructor.</summary>
    public required EquatableArray<PluginParameterInfo> Parameters { get; init; }

    /// <summary>Why the class cannot be a plugin (GW0907), or null when it can.</summary>
    public required string? Problem { get; init; }

    /// <summary>Where the attribute is written, for GW0907.</summary>
    public required LocationInfo AttributeLocation { get; init; }

    /// <summary>The signature route files are checked against.</summary>
    public PluginSignature ToSignature() => new()
    {
        Name = Name ?? string.Empty,
        Parameters = Parameters.Select(parameter => parameter.Parameter).ToEquatableArray(),
    };
}

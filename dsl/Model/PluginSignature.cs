using System.Linq;
using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>A policy written in C# as a route file sees it: the name it registers with <c>[GatewayPolicy("NAME")]</c>
/// and its constructor's parameters, in order.</summary>
/// <remarks>The generator reads signatures from the C# classes at build time and emits the same list into the gateway
/// (<c>GeneratedPlugins.Signatures</c>), so that a route file loaded at run time is checked against the same values.</remarks>
public sealed record PluginSignature
{
    /// <summary>The plugin's name, e.g. <c>tenant-tag</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The constructor's parameters; optional ones come last, as C# requires.</summary>
    public required EquatableArray<PluginParameter> Parameters { get; init; }

    /// <summary>How many arguments a call must give: the parameters without a default.</summary>
    public int RequiredCount => Parameters.Count(parameter => !parameter.IsOptional);

    /// <summary>How a call is written, for messages: <c>plugin tenant-tag header [fallback] [required]</c>.</summary>
    public string Usage => "plugin " + Name + string.Concat(Parameters.Select(p => p.IsOptional ? " [" + p.Name + "]" : " " + p.Name));
}

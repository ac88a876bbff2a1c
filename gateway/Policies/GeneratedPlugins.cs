using Gateway.Dsl.Model;

namespace Gateway.Policies;

/// <summary>The policies written in C# in this assembly, by the name their <see cref="GatewayPolicyAttribute"/> gives.</summary>
/// <remarks>
/// Only the declaration lives here. The route generator (<c>generator/RoutesGenerator.cs</c>) finds every
/// <c>[GatewayPolicy]</c> class at build time and writes the bodies: a table of signatures and a <see cref="Create"/> that
/// calls each constructor directly, without reflection. The emitted code is under <c>obj/generated/</c>
/// (<c>Gateway.Policies.GeneratedPlugins.g.cs</c>).
/// </remarks>
internal static partial class GeneratedPlugins
{
    /// <summary>Every registered plugin's name and constructor parameters, ordered by name; route files loaded at run
    /// time are checked against these, as the build checked <c>routes.gw</c>.</summary>
    public static partial IReadOnlyList<PluginSignature> Signatures { get; }

    /// <summary>Builds the plugin <paramref name="call"/> names with its arguments converted to the constructor's types;
    /// null with <paramref name="error"/> set (the message the build would report) when the call does not fit.</summary>
    public static partial IRequestPolicy? Create(PluginCall call, out string? error);
}

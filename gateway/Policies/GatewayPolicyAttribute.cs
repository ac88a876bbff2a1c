namespace Gateway.Policies;

/// <summary>Registers a policy written in C# under a name that route files use: <c>plugin NAME ARG…</c>.</summary>
/// <remarks>
/// The class must implement <see cref="IRequestPolicy"/>, be concrete and non-generic, and have exactly one public
/// constructor. That constructor's parameters are the plugin's arguments, in order; each is a <c>string</c>, <c>int</c>,
/// <c>long</c>, <c>bool</c> (<c>true</c>/<c>false</c>), <c>TimeSpan</c> (a route-file duration such as <c>5s</c>) or an
/// enum (a member name, case-sensitive), and parameters with defaults may be left out. The route generator
/// (<c>generator/RoutesGenerator.cs</c>) checks every <c>plugin</c> line against it at build time (GW0904-GW0907) and
/// registers it in <see cref="GeneratedPlugins"/>. See <c>docs/plugins.md</c>.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GatewayPolicyAttribute : Attribute
{
    /// <summary>Registers the class as plugin <paramref name="name"/>, e.g. <c>tenant-tag</c>.</summary>
    public GatewayPolicyAttribute(string name) => Name = name;

    /// <summary>The name route files use; it follows the rule for names: <c>[A-Za-z_][A-Za-z0-9_.-]*</c>.</summary>
    public string Name { get; }
}

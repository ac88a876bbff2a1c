using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>One parameter of a plugin's constructor, as far as a route file needs to know it: name, kind, optional.</summary>
public sealed record PluginParameter
{
    /// <summary>The parameter's name in C#, used in messages and in the usage line.</summary>
    public required string Name { get; init; }

    /// <summary>What the argument must look like.</summary>
    public required PluginParameterKind Kind { get; init; }

    /// <summary>Whether the parameter has a default value, so that the argument may be left out.</summary>
    public required bool IsOptional { get; init; }

    /// <summary>For <see cref="PluginParameterKind.Enum"/>, the enum's name as messages show it (<c>TenantMode</c>); else null.</summary>
    public string? EnumName { get; init; }

    /// <summary>For <see cref="PluginParameterKind.Enum"/>, the member names in declaration order; else empty.</summary>
    public EquatableArray<string> EnumMembers { get; init; } = EquatableArray<string>.Empty;
}

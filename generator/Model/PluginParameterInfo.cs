using Gateway.Dsl.Model;

namespace Gateway.Generator.Model;

/// <summary>One constructor parameter of a plugin class: what route files see, plus the C# type the emitter converts to.</summary>
internal sealed record PluginParameterInfo
{
    /// <summary>The parameter as the dsl's checker sees it (name, kind, optional, enum members).</summary>
    public required PluginParameter Parameter { get; init; }

    /// <summary>The parameter's type, fully qualified with <c>global::</c>, e.g. <c>global::Sample.LimitMode</c>.</summary>
    public required string TypeName { get; init; }
}

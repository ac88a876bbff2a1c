using System.Linq;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;

namespace Gateway.Generator.Model;

/// <summary>Every <c>[GatewayPolicy]</c> class of the compilation, ordered by name, with duplicate names marked as problems.</summary>
internal sealed record PluginCatalog
{
    /// <summary>The classes by name, then type; the order of the emitted registry.</summary>
    public required EquatableArray<PluginClass> Classes { get; init; }

    /// <summary>The classes that can be plugins: no problem, and the only class of their name.</summary>
    public EquatableArray<PluginClass> Usable => Classes.Where(plugin => plugin.Problem is null).ToEquatableArray();

    /// <summary>The signatures of the usable classes, which route files are checked against.</summary>
    public EquatableArray<PluginSignature> Signatures => Usable.Select(plugin => plugin.ToSignature()).ToEquatableArray();

    /// <summary>The names of broken classes (reported as GW0907): calls to them are not checked again.</summary>
    public EquatableArray<string> BrokenNames =>
        Classes.Where(plugin => plugin.Problem is not null && plugin.Name is not null).Select(plugin => plugin.Name!).Distinct().ToEquatableArray();
}

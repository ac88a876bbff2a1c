using System.Collections.Generic;

namespace Gateway.Dsl.Semantics;

/// <summary>The file's <c>policy NAME { … }</c> groups and its defaults (the top-level <c>use</c> line), as routes see them.</summary>
internal sealed class PolicyGroups
{
    /// <summary>No groups and no defaults.</summary>
    public static readonly PolicyGroups None = new(new Dictionary<string, PolicyLayer>(), new PolicyLayer("the file's defaults"));

    /// <summary>Creates the view over checked groups and the merged defaults.</summary>
    public PolicyGroups(IReadOnlyDictionary<string, PolicyLayer> byName, PolicyLayer defaults)
    {
        ByName = byName;
        Defaults = defaults;
    }

    /// <summary>Every group by name, including groups with errors (so that <c>use</c> does not add a second error).</summary>
    public IReadOnlyDictionary<string, PolicyLayer> ByName { get; }

    /// <summary>What the top-level <c>use</c> line applies to every route.</summary>
    public PolicyLayer Defaults { get; }
}

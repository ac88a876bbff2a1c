using System.Collections.Generic;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Checks the <c>policy NAME { … }</c> groups and the top-level <c>use</c> line that makes some of them every
/// route's defaults.</summary>
internal static class PolicyGroupChecker
{
    /// <summary>Checks every group (duplicates included, so their errors show) and resolves the defaults.</summary>
    public static PolicyGroups Check(DiagnosticBag diagnostics, IReadOnlyList<(BlockSyntax Block, string Name)> blocks, DirectiveSyntax? use)
    {
        var byName = new Dictionary<string, PolicyLayer>();
        foreach (var (block, name) in blocks)
        {
            var layer = new PolicyLayer("policy group '" + name + "'");
            var seen = new Dictionary<string, DirectiveSyntax>();
            foreach (var directive in DirectiveCatalog.Lines(block.Directives, DirectiveLevel.Policy))
            {
                // Only policy directives belong here; matching, actions and 'use' are a route's business.
                if (DirectiveCatalog.Accept(diagnostics, seen, directive, DirectiveLevel.Policy, "a policy group") is null)
                {
                    layer.HasErrors = true;
                    continue;
                }

                PolicyReader.Read(diagnostics, directive, layer, DirectiveLevel.Policy);
            }

            // The first group of a name is the one routes get; a duplicate has been reported by the name check.
            if (name.Length > 0 && !byName.ContainsKey(name))
            {
                byName[name] = layer;
            }
        }

        var groups = new PolicyGroups(byName, new PolicyLayer("the file's defaults"));
        if (use is null)
        {
            return groups;
        }

        var used = new List<(PolicyLayer Group, Token Use)>();
        foreach (var argument in use.Arguments)
        {
            if (RouteChecker.ResolveGroup(diagnostics, groups, argument) is { } group)
            {
                used.Add((group, argument));
            }
        }

        return new PolicyGroups(byName, PolicyMerger.Combine(diagnostics, used, "the file's defaults", new HashSet<string>()));
    }
}

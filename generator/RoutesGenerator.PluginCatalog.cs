using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Semantics;
using Gateway.Dsl.Text;
using Gateway.Generator.Model;
using Microsoft.CodeAnalysis;

namespace Gateway.Generator;

/// <summary>Stages 8, 10 and 11: the catalog of plugins, checking route files' <c>plugin</c> lines against it, and finding
/// the registry's declaration.</summary>
public sealed partial class RoutesGenerator
{
    /// <summary>Orders the classes by name and marks every class whose name another class also registers.</summary>
    private static PluginCatalog BuildPluginCatalog(ImmutableArray<PluginClass> classes)
    {
        var ordered = classes
            .OrderBy(plugin => plugin.Name ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(plugin => plugin.DisplayName, StringComparer.Ordinal)
            .ToList();
        var marked = ordered.Select(plugin =>
        {
            var others = ordered.Where(other => other.Name is not null && other.Name == plugin.Name && other.DisplayName != plugin.DisplayName).ToList();
            return plugin.Problem is null && others.Count > 0
                ? plugin with { Problem = "plugin name '" + plugin.Name + "' is also registered by " + string.Join(", ", others.Select(o => "'" + o.DisplayName + "'")) + "; give each class its own name" }
                : plugin;
        });
        return new PluginCatalog { Classes = marked.ToEquatableArray() };
    }

    /// <summary>Checks the <c>plugin</c> lines of a route file against the catalog (GW0904-GW0906).</summary>
    private static PluginCallReport CheckPluginCalls(ParsedRouteFile file, PluginCatalog catalog, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // A file with errors has no table but still lists its plugin lines, so their errors come in the same build. The
        // dsl's messages name the file, so the source text is given the file name, as RouteFile.Parse was.
        var diagnostics = file.Result is { } result
            ? PluginChecker.Check(result.PluginCalls, new SourceText(file.Text, file.FileName), catalog.Signatures, catalog.BrokenNames)
            : EquatableArray<Dsl.Diagnostics.Diagnostic>.Empty;
        return new PluginCallReport { Path = file.Path, Diagnostics = diagnostics };
    }

    /// <summary>The registry's declaration in this compilation's own source, or null when it declares none.</summary>
    private static PluginRegistryClass? ReadPluginRegistryClass(Compilation compilation) =>
        compilation.Assembly.GetTypeByMetadataName(PluginRegistryName) is { } type
            ? new PluginRegistryClass { Accessibility = type.DeclaredAccessibility == Accessibility.Public ? "public" : "internal" }
            : null;
}

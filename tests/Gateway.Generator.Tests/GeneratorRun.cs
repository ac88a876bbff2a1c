using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Gateway.Generator.Tests;

/// <summary>What one run of the generator produced: sources by hint name, generator diagnostics, and the compilation with them.</summary>
internal sealed record GeneratorRun
{
    /// <summary>Generated files by hint name, e.g. <c>Sample.Routing.Routes.g.cs</c>.</summary>
    public required ImmutableDictionary<string, string> Sources { get; init; }

    /// <summary>Diagnostics the generator reported (GWnnnn), not compiler diagnostics.</summary>
    public required ImmutableArray<Diagnostic> Diagnostics { get; init; }

    /// <summary>The input compilation plus the generated files.</summary>
    public required Compilation Compilation { get; init; }

    /// <summary>The driver after the run, for incremental runs and step tracking.</summary>
    public required GeneratorDriver Driver { get; init; }

    /// <summary>The only generated file; fails when there is not exactly one.</summary>
    public string SingleSource => Assert.Single(Sources).Value;

    /// <summary>The generated plugin registry; fails when there is none.</summary>
    public string PluginRegistrySource => Assert.Contains("Gateway.Policies.GeneratedPlugins.g.cs", Sources);
}

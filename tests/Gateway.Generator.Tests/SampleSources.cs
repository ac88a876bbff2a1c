namespace Gateway.Generator.Tests;

/// <summary>C# inputs for the generator: the class that asks for a matcher, as a project would write it.</summary>
internal static class SampleSources
{
    /// <summary>A <c>[GeneratedRoutes]</c> class outside the gateway's namespace, so it cannot clash with the gateway's own <c>Routes</c>.</summary>
    public static string RoutesClass(string fileName = "routes.gw", string name = "Routes", string modifiers = "public static partial", bool declareMatch = true) => $$"""
        using Gateway.Routing;

        namespace Sample.Routing;

        /// <summary>The router generated from {{fileName}}.</summary>
        [GeneratedRoutes("{{fileName}}")]
        {{modifiers}} class {{name}}
        {
        {{(declareMatch ? MatchDeclaration : string.Empty)}}
        }
        """;

    private const string MatchDeclaration = """
            /// <summary>The generated matcher.</summary>
            public static partial RouteMatch Match(in RouteRequest request);
        """;

    /// <summary>The repository's own plugin classes (<c>gateway/Plugins/*.cs</c>), compiled into the sample as a project
    /// would compile its own: the build then checks route files against the real constructors, not copies of them.</summary>
    /// <remarks>The gateway's implicit usings for <c>System</c> are added, since the sample compilation has none. The classes also exist in
    /// the referenced gateway assembly; that is harmless while no sample code names them (see <see cref="PluginRegistry"/>).</remarks>
    public static IReadOnlyList<string> RepositoryPlugins { get; } =
    [
        .. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "gateway", "Plugins"), "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(path => GatewayUsings + File.ReadAllText(path)),
    ];

    private const string GatewayUsings = """
        using System;
        using System.Threading.Tasks;

        """;

    /// <summary>The gateway's declaration of the registry, which asks the generator to fill it in; internal, as in the
    /// gateway, so the sample's copy and the gateway's never meet.</summary>
    /// <remarks>Runs that emit the registry use plugin classes of their own (<see cref="PluginClass"/>), not
    /// <see cref="RepositoryPlugins"/>: the registry would name those classes, which the gateway assembly also holds.</remarks>
    public const string PluginRegistry = """
        using System.Collections.Generic;
        using Gateway.Dsl.Model;

        namespace Gateway.Policies;

        /// <summary>The plugins of the sample.</summary>
        internal static partial class GeneratedPlugins
        {
            /// <summary>The signatures.</summary>
            public static partial IReadOnlyList<PluginSignature> Signatures { get; }

            /// <summary>Builds a plugin.</summary>
            public static partial IRequestPolicy? Create(PluginCall call, out string? error);
        }
        """;

    /// <summary>A plugin class in <c>Sample.Plugins</c>: <paramref name="attributeArguments"/> as written between the
    /// attribute's parentheses (<c>"rate-limit"</c>), and <paramref name="declaration"/> everything after the attribute,
    /// e.g. <c>public sealed class Echo : IRequestPolicy { … }</c>.</summary>
    public static string PluginClass(string attributeArguments, string declaration, string extraTypes = "") => $$"""
        using System;
        using System.Threading.Tasks;
        using Gateway.Pipeline;
        using Gateway.Policies;

        namespace Sample.Plugins;

        {{extraTypes}}

        /// <summary>A sample plugin.</summary>
        [GatewayPolicy({{attributeArguments}})]
        {{declaration}}
        """;

    /// <summary>The body every sample plugin can share: it lets every request through.</summary>
    public const string ContinueBody = """
            /// <inheritdoc/>
            public ValueTask<PolicyResult> ApplyAsync(RequestContext context) => ValueTask.FromResult(PolicyResult.Continue);
        """;

    /// <summary>An unrelated file, to edit in incremental tests.</summary>
    public static string Unrelated(int version) => $$"""
        namespace Sample.Other;

        /// <summary>Unrelated to routing.</summary>
        public static class Unrelated
        {
            /// <summary>Changes between edits.</summary>
            public static int Version => {{version}};
        }
        """;
}

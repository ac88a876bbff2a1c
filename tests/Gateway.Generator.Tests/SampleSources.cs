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

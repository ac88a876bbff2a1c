using Microsoft.CodeAnalysis;

namespace Gateway.Generator.Tests;

/// <summary>GW0904-GW0907: <c>plugin</c> lines that do not fit the C# classes, and classes that cannot be plugins, fail the
/// build with errors located in the <c>.gw</c> file or at the attribute.</summary>
public sealed class PluginDiagnosticsTests
{
    private const string Head = """
        upstream users {
          endpoints http://127.0.0.1:5001
        }

        route r {
          path /r

        """;

    [Fact]
    public void Run_MisspelledPlugin_ReportsGW0904AtTheNameWithSuggestion()
    {
        var run = GeneratorHarness.Run(Route("plugin tenant-tgs X-Tenant"));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("/src/routes.gw(7,10): error GW0904: plugin 'tenant-tgs' is not defined; did you mean 'tenant-tag'?", diagnostic.ToString());
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(new(6, 9), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(new(6, 19), diagnostic.Location.GetLineSpan().EndLinePosition);
        GeneratorHarness.AssertCompiles(run);
    }

    [Fact]
    public void Run_UnknownPlugin_ReportsGW0904ListingThePlugins()
    {
        var run = RunWith(Route("plugin geo-block"), SamplePlugins.RateLimit, SamplePlugins.Audit);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("GW0904", diagnostic.Id);
        Assert.Equal(
            "plugin 'geo-block' is not defined; use audit or rate-limit, or mark a class that implements IRequestPolicy with [GatewayPolicy(\"geo-block\")]",
            diagnostic.GetMessage());
    }

    [Fact]
    public void Run_ArgumentNotAnInt_ReportsGW0905AtTheArgument()
    {
        var run = RunWith(Route("plugin rate-limit abc"), SamplePlugins.RateLimit);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(
            "/src/routes.gw(7,21): error GW0905: 'abc' is not an int for parameter 'limit' of plugin 'rate-limit'; write a whole number from -2147483648 to 2147483647",
            diagnostic.ToString());
        Assert.Equal(new(6, 23), diagnostic.Location.GetLineSpan().EndLinePosition);
    }

    [Fact]
    public void Run_BadBoolOfRepositoryPlugin_ReportsGW0905()
    {
        var run = GeneratorHarness.Run(Route("plugin tenant-tag X-Tenant acme yes"));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("GW0905", diagnostic.Id);
        Assert.Equal("'yes' is not a bool for parameter 'required' of plugin 'tenant-tag'; write 'true' or 'false'", diagnostic.GetMessage());
    }

    [Fact]
    public void Run_BadDurationAndEnum_ReportsOneGW0905Each()
    {
        var run = RunWith(Route("plugin rate-limit 10 5 false perRoute"), SamplePlugins.RateLimit);

        Assert.Equal(
            [
                "'5' is not a duration for parameter 'window' of plugin 'rate-limit'; write a whole number and a unit: '250ms', '5s', '1m' or '2h'",
                "'perRoute' is not a LimitMode for parameter 'mode' of plugin 'rate-limit'; did you mean 'PerRoute'?",
            ],
            run.Diagnostics.Select(d => d.GetMessage()));
        Assert.All(run.Diagnostics, d => Assert.Equal("GW0905", d.Id));
    }

    [Fact]
    public void Run_TooManyArguments_ReportsGW0906OverTheExtraOnes()
    {
        var run = GeneratorHarness.Run(Route("plugin tenant-tag X-Tenant acme true X-Tenant-Id extra"));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal(
            "/src/routes.gw(7,52): error GW0906: plugin 'tenant-tag' takes 1 to 4 arguments, found 5; write 'plugin tenant-tag header [fallback] [required] [upstreamHeader]'",
            diagnostic.ToString());
    }

    [Fact]
    public void Run_TooFewArguments_ReportsGW0906AtTheName()
    {
        var run = RunWith(Route("plugin rate-limit"), SamplePlugins.RateLimit);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("GW0906", diagnostic.Id);
        Assert.StartsWith("plugin 'rate-limit' takes 1 to 6 arguments, found 0; write 'plugin rate-limit limit [window] [strict] [mode] [burst] [label]'", diagnostic.GetMessage());
        Assert.Equal(new(6, 9), diagnostic.Location.GetLineSpan().StartLinePosition);
    }

    [Fact]
    public void Run_ArgumentsToPluginWithoutParameters_ReportsGW0906()
    {
        var run = RunWith(Route("plugin audit now"), SamplePlugins.Audit);

        Assert.Equal("plugin 'audit' takes no arguments, found 1; write 'plugin audit'", Assert.Single(run.Diagnostics).GetMessage());
    }

    [Theory]
    [InlineData("public sealed class P\n{\n    /// <summary>None.</summary>\n    public P() { }\n}", "it does not implement Gateway.Policies.IRequestPolicy")]
    [InlineData("public abstract class P : IRequestPolicy\n{\n    /// <inheritdoc/>\n    public abstract ValueTask<PolicyResult> ApplyAsync(RequestContext context);\n}", "it is abstract")]
    [InlineData("public sealed class P : IRequestPolicy\n{\n    private P() { }\n" + Continue + "\n}", "it has no public constructor")]
    [InlineData("public sealed class P : IRequestPolicy\n{\n    /// <summary>One.</summary>\n    public P() { }\n\n    /// <summary>Two.</summary>\n    public P(int a) { }\n" + Continue + "\n}", "it has 2 public constructors")]
    [InlineData("public sealed class P : IRequestPolicy\n{\n    /// <summary>One.</summary>\n    public P(double ratio) { }\n" + Continue + "\n}", "parameter 'ratio' has type 'double'; use string, int, long, bool, TimeSpan or an enum")]
    [InlineData("public sealed class P : IRequestPolicy\n{\n    /// <summary>One.</summary>\n    public P(int? limit) { }\n" + Continue + "\n}", "parameter 'limit' has type 'int?'")]
    public void Run_ClassThatCannotBeAPlugin_ReportsGW0907AtTheAttribute(string declaration, string problem)
    {
        var run = RunWith(Route("plugin p"), SamplePlugins.Broken("p", declaration));

        // Only the class's error: the route's call to the broken plugin is not reported again.
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("GW0907", diagnostic.Id);
        Assert.StartsWith("class 'Sample.Plugins.P' cannot be a plugin: " + problem, diagnostic.GetMessage());
        Assert.Equal("/src/Source1.cs", diagnostic.Location.GetLineSpan().Path);
        var source = run.Compilation.SyntaxTrees.Single(tree => tree.FilePath == "/src/Source1.cs").GetText();
        Assert.Equal("GatewayPolicy(\"p\")", source.ToString(diagnostic.Location.SourceSpan));
    }

    [Fact]
    public void Run_InvalidPluginName_ReportsGW0907()
    {
        var run = RunWith(Route("plugin audit"), SamplePlugins.Broken("tenant tag", "public sealed class P : IRequestPolicy\n{\n" + Continue + "\n}"), SamplePlugins.Audit);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("class 'Sample.Plugins.P' cannot be a plugin: 'tenant tag' is not a valid plugin name; start with a letter or '_', then use letters, digits, '_', '.' and '-'", diagnostic.GetMessage());
    }

    [Fact]
    public void Run_TwoClassesOneName_ReportsGW0907AtEachAndNotTheCall()
    {
        var first = SamplePlugins.Broken("audit", "public sealed class A : IRequestPolicy\n{\n" + Continue + "\n}");
        var second = SamplePlugins.Broken("audit", "public sealed class B : IRequestPolicy\n{\n" + Continue + "\n}");

        var run = RunWith(Route("plugin audit"), first, second);

        Assert.Equal(
            [
                "class 'Sample.Plugins.A' cannot be a plugin: plugin name 'audit' is also registered by 'Sample.Plugins.B'; give each class its own name",
                "class 'Sample.Plugins.B' cannot be a plugin: plugin name 'audit' is also registered by 'Sample.Plugins.A'; give each class its own name",
            ],
            run.Diagnostics.Select(d => d.GetMessage()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Run_PluginLineInFileWithOtherErrors_OnlyTheLanguagesErrors()
    {
        // A file with errors has no checked table; its plugin lines are not checked until the file is clean.
        var run = GeneratorHarness.Run(Route("plugin nothing-like-it\n  to nowhere").Replace("  to users\n", string.Empty));

        Assert.Equal(["GW0103"], run.Diagnostics.Select(d => d.Id));
    }

    private const string Continue = SampleSources.ContinueBody;

    private static string Route(string lines) => Head + "  " + lines + "\n  to users\n}\n";

    private static GeneratorRun RunWith(string routeFile, params string[] plugins) =>
        GeneratorHarness.Run([new InMemoryAdditionalText(GeneratorHarness.RouteFilePath, routeFile)], [SampleSources.RoutesClass(), .. plugins]);
}

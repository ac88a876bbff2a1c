extern alias generator;

using generator::Gateway.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Gateway.Generator.Tests;

/// <summary>The generator's cache: unrelated edits leave every step cached, and a route-file edit regenerates.</summary>
public sealed class IncrementalTests
{
    private const string RouteFileText = """
        upstream users {
          endpoints http://127.0.0.1:5001
        }

        route user-by-id {
          method GET
          path /users/{id:int}
          plugin rate-limit 100 5s
          to users
        }
        """;

    private const string RoutesHint = "Sample.Routing.Routes.g.cs";

    private static readonly string[] TrackedSteps =
    [
        StepNames.RouteFileTexts, StepNames.ParsedRouteFiles, StepNames.RoutesClasses, StepNames.RoutesTargets,
        StepNames.PluginClasses, StepNames.PluginCatalog, StepNames.PluginCallReports, StepNames.PluginRegistryClass, StepNames.PluginRegistryTarget,
    ];

    [Fact]
    public void Run_UnrelatedCSharpEdit_EveryStepCachedOrUnchanged()
    {
        var (driver, compilation, _) = CreateSubject();
        driver = driver.RunGenerators(compilation);

        var edited = ReplaceTree(compilation, UnrelatedPath, SampleSources.Unrelated(2));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            var reasons = result.TrackedSteps[step].SelectMany(run => run.Outputs).Select(output => output.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + " ran with " + reason));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "output ran with " + output.Reason));
    }

    [Fact]
    public void Run_RouteFileEdit_ParsesAndRegenerates()
    {
        var (driver, compilation, routeFile) = CreateSubject();
        driver = driver.RunGenerators(compilation);
        var before = RoutesSource(driver.GetRunResult().Results.Single());

        driver = driver.ReplaceAdditionalText(
            routeFile,
            new InMemoryAdditionalText(GeneratorHarness.RouteFilePath, RouteFileText.Replace("method GET", "method GET HEAD")));
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[StepNames.ParsedRouteFiles].Single().Outputs.Single().Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[StepNames.RoutesTargets].Single().Outputs.Single().Reason);
        var after = RoutesSource(result);
        Assert.NotEqual(before, after);
        Assert.Contains("MethodSet.Get | global::Gateway.Dsl.Model.MethodSet.Head", after);
    }

    [Fact]
    public void Run_PluginParameterTypeEdit_RechecksWithoutReparsing()
    {
        var (driver, compilation, _) = CreateSubject();
        driver = driver.RunGenerators(compilation);

        // 'limit' becomes a TimeSpan: the file's '100' no longer fits, and the build must say so without a route-file edit.
        var edited = ReplaceTree(compilation, PluginPath, SamplePlugins.RateLimit.Replace("public RateLimitPolicy(int limit,", "public RateLimitPolicy(TimeSpan limit,").Replace("Limit = limit;", "Limit = 0;"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(IncrementalStepRunReason.Cached, result.TrackedSteps[StepNames.ParsedRouteFiles].Single().Outputs.Single().Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, result.TrackedSteps[StepNames.PluginCallReports].Single().Outputs.Single().Reason);
        Assert.Equal(["GW0905"], result.Diagnostics.Select(diagnostic => diagnostic.Id));
        Assert.Contains("global::Gateway.Dsl.Model.PluginParameterKind.Duration", result.GeneratedSources.Single(s => s.HintName == RegistryHint).SourceText.ToString());
    }

    [Fact]
    public void Run_AnyStep_HoldsOnlyValuesThatCacheByValue()
    {
        var (driver, compilation, _) = CreateSubject();
        var result = driver.RunGenerators(compilation).GetRunResult().Results.Single();

        // Symbols, syntax, compilations, locations and texts would pin memory and defeat caching.
        var forbidden = new[] { typeof(ISymbol), typeof(SyntaxNode), typeof(Compilation), typeof(Location), typeof(AdditionalText), typeof(Microsoft.CodeAnalysis.Text.SourceText) };
        foreach (var step in TrackedSteps)
        {
            foreach (var (value, _) in result.TrackedSteps[step].SelectMany(run => run.Outputs))
            {
                Assert.DoesNotContain(forbidden, type => type.IsInstanceOfType(value));
                Assert.True(value.GetType().IsValueType || value.GetType().GetMethod("Equals", [value.GetType()]) is not null, step + " holds " + value.GetType());
            }
        }
    }

    private static (GeneratorDriver Driver, Compilation Compilation, AdditionalText RouteFile) CreateSubject()
    {
        var routeFile = new InMemoryAdditionalText(GeneratorHarness.RouteFilePath, RouteFileText);
        var driver = GeneratorHarness.CreateDriver([routeFile]);
        var compilation = GeneratorHarness.CreateCompilation(
            [SampleSources.RoutesClass(), SampleSources.Unrelated(1), SampleSources.PluginRegistry, SamplePlugins.RateLimit]);
        return (driver, compilation, routeFile);
    }

    // The paths CreateCompilation gives the sources above, in their order.
    private const string UnrelatedPath = "/src/Source1.cs";
    private const string PluginPath = "/src/Source3.cs";
    private const string RegistryHint = "Gateway.Policies.GeneratedPlugins.g.cs";

    private static string RoutesSource(GeneratorRunResult result) =>
        result.GeneratedSources.Single(source => source.HintName == RoutesHint).SourceText.ToString();

    private static Compilation ReplaceTree(Compilation compilation, string path, string text)
    {
        var old = compilation.SyntaxTrees.Single(tree => tree.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, GeneratorHarness.ParseOptions, path));
    }
}

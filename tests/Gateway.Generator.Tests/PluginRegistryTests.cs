using System.Reflection;
using Gateway.Dsl;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Policies;

namespace Gateway.Generator.Tests;

/// <summary>The emitted registry (<c>GeneratedPlugins</c>): it compiles cleanly, calls each constructor with the arguments
/// converted as the check reads them, and answers a call the build never saw with the build's message.</summary>
public sealed class PluginRegistryTests
{
    private const string RouteFileText = """
        upstream users {
          endpoints http://127.0.0.1:5001
        }

        route r {
          path /r
          plugin rate-limit 100 5s true PerRoute -9000000000 "two words"
          plugin rate-limit 7
          plugin audit
          to users
        }
        """;

    [Fact]
    public void Run_RouteFileWithPlugins_NoDiagnosticsAndTheOutputCompiles()
    {
        var run = CreateRun();

        Assert.Empty(run.Diagnostics);
        GeneratorHarness.AssertCompiles(run);
        Assert.Contains("case \"rate-limit\": // Sample.Plugins.RateLimitPolicy", run.PluginRegistrySource);
    }

    [Fact]
    public void Run_NoRegistryDeclared_EmitsNoRegistry()
    {
        var run = GeneratorHarness.Run([new InMemoryAdditionalText(GeneratorHarness.RouteFilePath, RouteFileText)], [SampleSources.RoutesClass(), SamplePlugins.RateLimit, SamplePlugins.Audit]);

        Assert.Empty(run.Diagnostics);
        Assert.DoesNotContain("Gateway.Policies.GeneratedPlugins.g.cs", run.Sources.Keys);
    }

    [Fact]
    public void Create_EveryArgument_ReachesTheConstructorConverted()
    {
        var (create, calls) = LoadRegistry();

        var policy = create(calls[0], out var error);

        Assert.Null(error);
        Assert.Equal("Sample.Plugins.RateLimitPolicy", policy!.GetType().FullName);
        Assert.Equal(100, Read(policy, "Limit"));
        Assert.Equal(TimeSpan.FromSeconds(5), Read(policy, "Window"));
        Assert.Equal(true, Read(policy, "Strict"));
        Assert.Equal("PerRoute", Read(policy, "Mode")!.ToString());
        Assert.Equal(-9000000000L, Read(policy, "Burst"));
        Assert.Equal("two words", Read(policy, "Label"));
    }

    [Fact]
    public void Create_OmittedArguments_TakeTheConstructorsDefaults()
    {
        var (create, calls) = LoadRegistry();

        var policy = create(calls[1], out var error);

        Assert.Null(error);
        Assert.Equal(7, Read(policy!, "Limit"));
        Assert.Equal(TimeSpan.Zero, Read(policy!, "Window"));
        Assert.Equal("PerClient", Read(policy!, "Mode")!.ToString());
        Assert.Equal("none", Read(policy!, "Label"));
        Assert.Equal("Sample.Plugins.AuditPolicy", create(calls[2], out _)!.GetType().FullName);
    }

    [Fact]
    public void Create_CallTheBuildNeverSaw_NullWithTheBuildsMessage()
    {
        var (create, _) = LoadRegistry();
        var call = new PluginCall { Name = "rate-limit", Arguments = new[] { "lots" }.ToEquatableArray(), Line = 1, NameSpan = default, ArgumentSpans = new[] { default(Dsl.Text.TextSpan) }.ToEquatableArray() };

        var policy = create(call, out var error);

        Assert.Null(policy);
        Assert.Equal("'lots' is not an int for parameter 'limit' of plugin 'rate-limit'; write a whole number from -2147483648 to 2147483647", error);
    }

    [Fact]
    public void Signatures_AsTheBuildReadThem_OrderedByName()
    {
        var assembly = GeneratorHarness.Load(CreateRun());

        var signatures = (IReadOnlyList<PluginSignature>)Registry(assembly).GetProperty("Signatures")!.GetValue(null)!;

        Assert.Equal(["audit", "rate-limit"], signatures.Select(s => s.Name));
        Assert.Equal("plugin rate-limit limit [window] [strict] [mode] [burst] [label]", signatures[1].Usage);
        Assert.Equal(["PerClient", "PerRoute"], signatures[1].Parameters[3].EnumMembers);
    }

    private delegate IRequestPolicy? CreatePlugin(PluginCall call, out string? error);

    private static GeneratorRun CreateRun() => GeneratorHarness.Run(
        [new InMemoryAdditionalText(GeneratorHarness.RouteFilePath, RouteFileText)],
        [SampleSources.RoutesClass(), SampleSources.PluginRegistry, SamplePlugins.RateLimit, SamplePlugins.Audit]);

    private static (CreatePlugin Create, EquatableArray<PluginCall> Calls) LoadRegistry()
    {
        var assembly = GeneratorHarness.Load(CreateRun());
        var create = Registry(assembly).GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!.CreateDelegate<CreatePlugin>();
        var calls = RouteFile.Parse(RouteFileText, "routes.gw").Table!.PluginCalls;
        return (create, calls);
    }

    private static Type Registry(Assembly assembly) => assembly.GetType("Gateway.Policies.GeneratedPlugins", throwOnError: true)!;

    private static object? Read(object policy, string property) => policy.GetType().GetProperty(property)!.GetValue(policy);
}

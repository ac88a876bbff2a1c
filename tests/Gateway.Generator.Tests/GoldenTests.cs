namespace Gateway.Generator.Tests;

/// <summary>Route file in, expected <c>.g.cs</c> out: the emitted matcher is reviewed output, pinned in <c>tests/snapshots/</c>.</summary>
/// <remarks>Set <c>UPDATE_SNAPSHOTS=1</c> to rewrite the snapshots, then read the diff before committing it.</remarks>
public sealed class GoldenTests
{
    /// <summary>The warnings a golden input is meant to produce; every other input must produce none.</summary>
    private static readonly Dictionary<string, string[]> ExpectedWarnings = new(StringComparer.Ordinal)
    {
        ["no-routes.gw"] = ["GW0226"],
    };

    /// <summary>The hand-made inputs in <c>tests/snapshots/</c> and every case in <c>tests/cases/valid/</c>.</summary>
    public static TheoryData<string> RouteFiles()
    {
        var files = Directory.GetFiles(RepositoryPaths.Snapshots, "*.gw")
            .Concat(Directory.Exists(RepositoryPaths.ValidCases) ? Directory.GetFiles(RepositoryPaths.ValidCases, "*.gw") : [])
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path))
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(files);
    }

    [Theory]
    [MemberData(nameof(RouteFiles))]
    public void Generate_RouteFile_MatchesSnapshot(string routeFile)
    {
        var run = CreateRun(routeFile);

        var expected = ExpectedWarnings.GetValueOrDefault(Path.GetFileName(routeFile), []);
        Assert.Equal(expected, run.Diagnostics.Select(d => d.Id));
        Assert.All(run.Diagnostics, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.Severity));
        GeneratorHarness.AssertCompiles(run);
        var snapshot = Path.Combine(RepositoryPaths.Snapshots, Path.GetFileNameWithoutExtension(routeFile) + ".g.cs");
        var actual = run.SingleSource;
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(snapshot, actual);
        }

        Assert.True(File.Exists(snapshot), "No snapshot " + snapshot + "; run with UPDATE_SNAPSHOTS=1 and review the new file.");

        // Git may check the snapshot out with CRLF; the emitter always writes LF.
        Assert.Equal(File.ReadAllText(snapshot).ReplaceLineEndings("\n"), actual);
    }

    [Theory]
    [MemberData(nameof(RouteFiles))]
    public void Generate_SameInputTwice_SameOutput(string routeFile) =>
        Assert.Equal(CreateRun(routeFile).SingleSource, CreateRun(routeFile).SingleSource);

    [Fact]
    public void Generate_PluginRegistry_MatchesSnapshot()
    {
        var run = GeneratorHarness.Run(
            [new InMemoryAdditionalText(GeneratorHarness.RouteFilePath, "route r {\n  path /r\n  plugin audit\n  respond 204\n}\n")],
            [SampleSources.RoutesClass(), SampleSources.PluginRegistry, SamplePlugins.RateLimit, SamplePlugins.Audit]);

        Assert.Empty(run.Diagnostics);
        GeneratorHarness.AssertCompiles(run);
        var snapshot = Path.Combine(RepositoryPaths.Snapshots, "GeneratedPlugins.g.cs");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(snapshot, run.PluginRegistrySource);
        }

        Assert.True(File.Exists(snapshot), "No snapshot " + snapshot + "; run with UPDATE_SNAPSHOTS=1 and review the new file.");
        Assert.Equal(File.ReadAllText(snapshot).ReplaceLineEndings("\n"), run.PluginRegistrySource);
    }

    private static GeneratorRun CreateRun(string routeFile)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, routeFile)).ReplaceLineEndings("\n");
        return GeneratorHarness.Run(text, path: "/src/" + Path.GetFileName(routeFile));
    }
}

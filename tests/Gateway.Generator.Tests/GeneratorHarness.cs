extern alias generator;

using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using generator::Gateway.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Gateway.Generator.Tests;

/// <summary>Runs <see cref="RoutesGenerator"/> the way the compiler does, then compiles, checks and loads its output.</summary>
internal static class GeneratorHarness
{
    /// <summary>Where the in-memory route file claims to live; absolute, as the build passes AdditionalFiles.</summary>
    public const string RouteFilePath = "/src/routes.gw";

    /// <summary>The language version the generated code must compile with: the newest that this Roslyn knows.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    // Reference assemblies are not available offline, so the compilation references the running framework's own
    // assemblies (trusted platform assemblies, which include ASP.NET Core's through the gateway reference). The generator
    // assembly is left out: it carries a second copy of the dsl types, which would make them ambiguous.
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => !Path.GetFileName(path).StartsWith("Gateway.Generator", StringComparison.Ordinal))
            .Append(typeof(Gateway.Routing.RouteMatch).Assembly.Location)
            .Append(typeof(Gateway.Dsl.Model.MethodSet).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    /// <summary>Runs the generator over one route file, the default <c>[GeneratedRoutes("routes.gw")]</c> class, and the
    /// repository's plugins (<c>tenant-tag</c>), so that route files may use them as <c>routes.gw</c> does.</summary>
    public static GeneratorRun Run(string routeFileText, string? source = null, string path = RouteFilePath) =>
        Run([new InMemoryAdditionalText(path, routeFileText)], [source ?? SampleSources.RoutesClass(Path.GetFileName(path)), .. SampleSources.RepositoryPlugins]);

    /// <summary>Runs the generator over <paramref name="files"/> and <paramref name="sources"/>.</summary>
    public static GeneratorRun Run(IEnumerable<AdditionalText> files, IEnumerable<string> sources) =>
        RunDriver(CreateDriver(files), CreateCompilation(sources));

    /// <summary>A driver that tracks steps, so incremental tests can read how each step ran.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files) =>
        CSharpGeneratorDriver.Create(
            [new RoutesGenerator().AsSourceGenerator()],
            files,
            ParseOptions,
            optionsProvider: null,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>A library compilation of <paramref name="sources"/> against the framework and the gateway.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources) =>
        CSharpCompilation.Create(
            "Sample",
            sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: "/src/Source" + i + ".cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs <paramref name="driver"/>; an exception escaping the generator fails the test (it would be CS8785).</summary>
    public static GeneratorRun RunDriver(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult().Results.Single();
        Assert.True(result.Exception is null, "The generator threw: " + result.Exception);
        return new GeneratorRun
        {
            Sources = result.GeneratedSources.ToImmutableDictionary(s => s.HintName, s => s.SourceText.ToString()),
            Diagnostics = result.Diagnostics,
            Compilation = output,
            Driver = driver,
        };
    }

    /// <summary>Fails on any compiler warning or error in the output, printing the generated files with line numbers.</summary>
    public static void AssertCompiles(GeneratorRun run)
    {
        var problems = run.Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        if (problems.Count == 0)
        {
            return;
        }

        var message = new StringBuilder("The generated code does not compile cleanly:\n");
        problems.ForEach(problem => message.Append(problem).Append('\n'));
        foreach (var (hintName, text) in run.Sources.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            message.Append("\n=== ").Append(hintName).Append('\n');
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                message.Append((i + 1).ToString().PadLeft(4)).Append("  ").Append(lines[i]).Append('\n');
            }
        }

        Assert.Fail(message.ToString());
    }

    /// <summary>Compiles the output into memory and loads it; its <c>Gateway</c> reference binds to the loaded gateway.</summary>
    public static Assembly Load(GeneratorRun run)
    {
        AssertCompiles(run);
        using var image = new MemoryStream();
        var emitted = run.Compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        // Each Assembly.Load(byte[]) gets its own anonymous load context, so every test may call its assembly "Sample".
        return Assembly.Load(image.ToArray());
    }
}

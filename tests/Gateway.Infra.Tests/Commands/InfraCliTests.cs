using Gateway.Infra.Commands;

namespace Gateway.Infra.Tests.Commands;

/// <summary>The program run in-process: bad input gives one clear message and a non-zero exit before any cluster is contacted.</summary>
public sealed class InfraCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("infra-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Run_UnknownStack_FailsWithOneMessage()
    {
        var run = await RunAsync("render", "--stack", "nope", "--stacks", RepositoryPaths.Stacks);

        run.AssertOneError(ExitCodes.InvalidInput, "stack 'nope' not found");
        Assert.Contains("known stacks: dev, prod", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StackWithoutImage_FailsWithOneMessage()
    {
        WriteStack("noimage", """{ "namespace": "gw", "replicas": { "min": 2, "max": 3 }, "resources": { "requests": { "cpu": "1", "memory": "1Gi" }, "limits": { "memory": "1Gi" } } }""");

        var run = await RunAsync("up", "--stack", "noimage", "--stacks", _directory);

        run.AssertOneError(ExitCodes.InvalidInput, "noimage.json: error: image is required");
    }

    [Fact]
    public async Task Run_NegativeReplicaBound_FailsWithOneMessage()
    {
        WriteStack("negative", """{ "namespace": "gw", "image": "gw:1", "replicas": { "min": -2, "max": 3 }, "resources": { "requests": { "cpu": "1", "memory": "1Gi" }, "limits": { "memory": "1Gi" } } }""");

        var run = await RunAsync("render", "--stack", "negative", "--stacks", _directory);

        run.AssertOneError(ExitCodes.InvalidInput, "error: replicas.min is -2; it must be at least 2");
    }

    [Fact]
    public async Task Run_KubeconfigThatDoesNotExist_FailsWithOneMessage()
    {
        var missing = Path.Combine(_directory, "no-such-kubeconfig");

        var run = await RunAsync("preview", "--stack", "dev", "--stacks", RepositoryPaths.Stacks, "--routes", GoldenRoutes, "--kubeconfig", missing);

        run.AssertOneError(ExitCodes.InvalidInput, $"error: kubeconfig '{missing}' does not exist");
    }

    [Fact]
    public async Task Run_KubeconfigWithUnknownContext_FailsWithOneMessage()
    {
        var kubeconfig = Path.Combine(_directory, "kubeconfig");
        File.WriteAllText(kubeconfig, """
            apiVersion: v1
            kind: Config
            clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
            users: [{name: u, user: {token: t}}]
            contexts: [{name: real, context: {cluster: c, user: u}}]
            current-context: real
            """);

        var run = await RunAsync("up", "--stack", "dev", "--stacks", RepositoryPaths.Stacks, "--routes", GoldenRoutes, "--kubeconfig", kubeconfig, "--context", "imaginary");

        run.AssertOneError(ExitCodes.InvalidInput, "cannot be used");
    }

    [Fact]
    public async Task Run_UpWithRouteErrors_ShowsDiagnosticsAndContactsNoCluster()
    {
        var routes = Path.Combine(_directory, "routes.gw");
        File.WriteAllText(routes, "upstream users {\n  endpoints http://127.0.0.1:5001\n}\n\nroute r {\n  path /\n  to user\n}\n");

        // The kubeconfig does not exist either: the route errors come first, so no cluster step was reached.
        var run = await RunAsync("up", "--stack", "dev", "--stacks", RepositoryPaths.Stacks, "--routes", routes, "--kubeconfig", Path.Combine(_directory, "none"));

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("routes.gw(7,6): error GW0103: upstream 'user' is not defined; did you mean 'users'?", run.Errors, StringComparison.Ordinal);
        Assert.Contains("error: routes.gw has errors; fix them before 'up'", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("kubeconfig", run.Errors, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Run_RenderDev_PrintsTheGoldenManifests()
    {
        var run = await RunAsync("render", "--stack", "dev", "--stacks", RepositoryPaths.Stacks, "--routes", GoldenRoutes);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(run.Errors);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Golden, "dev.yaml")).ReplaceLineEndings("\n"), run.Output);
    }

    [Fact]
    public async Task Run_RenderFromAFolderOfTheClone_FindsRoutesAndStacksByItself()
    {
        // As `dotnet run --project infra -- render --stack dev` does on a fresh clone, from the root or any folder below it.
        var run = await RunInAsync(Path.Combine(RepositoryPaths.Root, "infra"), "render", "--stack", "dev");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Empty(run.Errors);
        Assert.Equal(13, k8s.KubernetesYaml.LoadAllFromString(run.Output, strict: true).Count);
    }

    [Fact]
    public async Task Run_RenderToFolder_WritesOneFilePerObjectAndRemovesStaleOnes()
    {
        var output = Path.Combine(_directory, "out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "99-configmap-removed.yaml"), "stale");
        File.WriteAllText(Path.Combine(output, "kustomization.yaml"), "mine");

        var run = await RunAsync("render", "--stack", "dev", "--stacks", RepositoryPaths.Stacks, "--routes", GoldenRoutes, "--out", output);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var files = Directory.GetFiles(output).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(14, files.Count);
        Assert.Equal("00-customresourcedefinition-apidefinitions.gateway.example.com.yaml", files[0]);
        Assert.Contains("03-clusterrole-gateway-gateway-dev.yaml", files);
        Assert.Contains("kustomization.yaml", files);
        Assert.DoesNotContain("99-configmap-removed.yaml", files);
    }

    [Theory]
    [InlineData(new[] { "deploy", "--stack", "dev" }, "unknown command 'deploy'")]
    [InlineData(new[] { "render" }, "--stack NAME is required")]
    [InlineData(new[] { "render", "--stack" }, "option '--stack' needs a value")]
    [InlineData(new[] { "render", "--stack", "dev", "--verbose" }, "unknown option '--verbose'")]
    [InlineData(new[] { "render", "--stack", "dev", "--delete-crd" }, "option '--delete-crd' does not apply to 'render'")]
    [InlineData(new[] { "up", "--stack", "dev", "--out", "x" }, "option '--out' does not apply to 'up'")]
    public async Task Run_BadArguments_FailWithOneMessage(string[] args, string expected)
    {
        var run = await RunAsync(args);

        run.AssertOneError(ExitCodes.InvalidInput, expected);
    }

    [Fact]
    public async Task Run_Help_PrintsUsageAndSucceeds()
    {
        var run = await RunAsync("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("render|preview|up|destroy".Split('|'), c => run.Output.Contains(c, StringComparison.Ordinal));
        Assert.Contains("--delete-crd", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The pinned route file.</summary>
    private static string GoldenRoutes => Path.Combine(RepositoryPaths.Golden, "dev.routes.gw");

    /// <summary>Writes a stack file into the test's folder.</summary>
    private void WriteStack(string name, string json) => File.WriteAllText(Path.Combine(_directory, name + ".json"), json);

    /// <summary>The subject: runs the program in the test's folder.</summary>
    private Task<CliRun> RunAsync(params string[] args) => RunInAsync(_directory, args);

    /// <summary>Runs the program in <paramref name="workingDirectory"/>, capturing both writers.</summary>
    private static async Task<CliRun> RunInAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var errors = new StringWriter { NewLine = "\n" };
        var code = await InfraCli.RunAsync(args, output, errors, workingDirectory, CancellationToken.None);
        return new CliRun(code, output.ToString(), errors.ToString());
    }

    /// <summary>One run's exit code and captured output.</summary>
    private sealed record CliRun(int ExitCode, string Output, string Errors)
    {
        /// <summary>Exactly one non-empty line on the error writer containing <paramref name="expected"/>, nothing on the output.</summary>
        public void AssertOneError(int exitCode, string expected)
        {
            Assert.Equal(exitCode, ExitCode);
            var line = Assert.Single(Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.Empty(Output);
        }
    }
}

using Gateway.Infra.Commands;
using Gateway.Kubernetes.Testing;

namespace Gateway.Infra.Tests.Commands;

/// <summary>The cluster commands wired end to end: kubeconfig → client → applier, against the loopback fake API server.</summary>
/// <remarks>What the applier does in detail is tested in Apply/; this proves the CLI reaches it with the stack's objects.</remarks>
public sealed class InfraCliClusterTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("infra-cluster-").FullName;
    private FakeKubeApiServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { DeploymentRolloutDelay = TimeSpan.FromMilliseconds(50) });
        File.WriteAllText(Kubeconfig, $"""
            apiVersion: v1
            kind: Config
            clusters: [{"{"}name: fake, cluster: {"{"}server: "{_server.Uri.ToString().TrimEnd('/')}"{"}"}{"}"}]
            users: [{"{"}name: nobody, user: {"{"}token: fake{"}"}{"}"}]
            contexts: [{"{"}name: fake, context: {"{"}cluster: fake, user: nobody{"}"}{"}"}]
            current-context: fake
            """);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Run_UpThenDestroy_CreatesTheStackAndRemovesAllButTheCrd()
    {
        var up = await RunAsync("up");
        var deployment = _server.Get("apps/v1", "deployments", "gateway-dev", "gateway");
        var destroy = await RunAsync("destroy");

        Assert.True(up.ExitCode == ExitCodes.Success, up.Output + up.Errors);
        Assert.NotNull(deployment);
        Assert.True(destroy.ExitCode == ExitCodes.Success, destroy.Output + destroy.Errors);
        Assert.Null(_server.Get("apps/v1", "deployments", "gateway-dev", "gateway"));
        Assert.NotNull(_server.Get("apiextensions.k8s.io/v1", "customresourcedefinitions", null, "apidefinitions.gateway.example.com"));
    }

    /// <summary>The kubeconfig that points at the fake server.</summary>
    private string Kubeconfig => Path.Combine(_directory, "kubeconfig");

    /// <summary>The subject: runs <paramref name="command"/> for the dev stack against the fake server.</summary>
    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(string command)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var errors = new StringWriter { NewLine = "\n" };
        var routes = Path.Combine(RepositoryPaths.Golden, "dev.routes.gw");
        string[] args = [command, "--stack", "dev", "--stacks", RepositoryPaths.Stacks, "--routes", routes, "--kubeconfig", Kubeconfig];
        var code = await InfraCli.RunAsync(args, output, errors, _directory, CancellationToken.None);
        return (code, output.ToString(), errors.ToString());
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Gateway.Infra.Apply;
using Gateway.Kubernetes.Testing;
using k8s;

namespace Gateway.Infra.Tests.Apply;

/// <summary>Bad input: one clear message, a non-zero exit, and an honest account of what was applied.</summary>
public sealed partial class ApplierTests
{
    [Fact]
    public async Task UpAsync_ConflictWithAnotherFieldManager_FailsNamingTheManagerAndWhatWasApplied()
    {
        await using var harness = await CreateAsync();
        harness.Fake.Seed("deployments", DeploymentOwnedByKubectl(replicas: 5), fieldManager: "kubectl-edit");

        var exit = await harness.CreateApplier().UpAsync(TestStack.Full(replicas: 2), Bounded());

        Assert.Equal(1, exit);
        var text = harness.Text;
        Assert.Equal(1, ErrorLines(text));
        Assert.Contains("error: Deployment gw/apigw: conflict: field manager \"kubectl-edit\" owns .spec.replicas.", text);
        Assert.Contains("--force-conflicts", text);
        Assert.Contains($"Up stopped: applied: CustomResourceDefinition {TestStack.CrdName}, ClusterRole apigw-reader, ConfigMap gw/routes; not applied: Deployment gw/apigw. Nothing was pruned", text);
        Assert.Equal("false", Patches(harness).Single(p => p.Path == DeploymentPath).Query("force"));
        Assert.Empty(Deletes(harness));
        Assert.Equal(5, harness.Fake.Get("apps/v1", "deployments", "gw", "apigw")!["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task UpAsync_ForceConflicts_SendsForceAndTakesTheFieldsOver()
    {
        await using var harness = await CreateAsync();
        harness.Fake.Seed("deployments", DeploymentOwnedByKubectl(replicas: 5), fieldManager: "kubectl-edit");

        var exit = await harness.CreateApplier(ApplierHarness.FastOptions with { ForceConflicts = true }).UpAsync(TestStack.Full(replicas: 2), Bounded());

        Assert.Equal(0, exit);
        Assert.All(Patches(harness), p => Assert.Equal("true", p.Query("force")));
        Assert.Equal(2, harness.Fake.Get("apps/v1", "deployments", "gw", "apigw")!["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task PreviewAsync_ConflictWithAnotherFieldManager_ReportsItAndExitsNonZero()
    {
        await using var harness = await CreateAsync();
        harness.Fake.Seed("deployments", DeploymentOwnedByKubectl(replicas: 5), fieldManager: "kubectl-edit");

        var exit = await harness.CreateApplier().PreviewAsync(TestStack.Full(replicas: 2), Bounded());

        Assert.Equal(1, exit);
        Assert.Equal(1, ErrorLines(harness.Text));
        Assert.Contains("field manager \"kubectl-edit\" owns .spec.replicas", harness.Text);
        Assert.Contains("Nothing was changed.", harness.Text);
    }

    [Theory]
    [InlineData("preview")]
    [InlineData("up")]
    [InlineData("destroy")]
    public async Task Command_UnreachableCluster_OneClearMessageAndNonZeroExit(string command)
    {
        using var closed = ReserveClosedPort();
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;
        var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}" });
        var output = new StringWriter();
        var applier = new Applier(client, ApplierHarness.FastOptions, output);

        var exit = command switch
        {
            "preview" => await applier.PreviewAsync(TestStack.Full(), Bounded()),
            "up" => await applier.UpAsync(TestStack.Full(), Bounded()),
            _ => await applier.DestroyAsync(TestStack.Full(), deleteCrd: false, Bounded()),
        };

        Assert.Equal(1, exit);
        var text = output.ToString();
        Assert.Equal(1, ErrorLines(text));
        Assert.Contains($"error: cannot reach the Kubernetes API server at http://127.0.0.1:{port}/", text);
        Assert.Contains("nothing was changed", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UpAsync_CrdNeverEstablished_StopsBeforeTheNextObject()
    {
        await using var harness = await CreateAsync(new FakeKubeApiServerOptions { CrdEstablishedDelay = null });
        var options = ApplierHarness.FastOptions with { CrdTimeout = TimeSpan.FromMilliseconds(300) };

        var exit = await harness.CreateApplier(options).UpAsync(TestStack.Full(), Bounded());

        Assert.Equal(1, exit);
        Assert.Equal(1, ErrorLines(harness.Text));
        Assert.Contains($"error: CustomResourceDefinition {TestStack.CrdName}: not Established within 0.3 s", harness.Text);
        Assert.DoesNotContain(harness.Fake.Requests, r => r.Path == ClusterRolePath);
        Assert.Contains("Up stopped: nothing was applied; not applied: ", harness.Text);
    }

    [Fact]
    public async Task UpAsync_RolloutNeverFinishes_FailsAndPrunesNothing()
    {
        await using var harness = await CreateAsync(new FakeKubeApiServerOptions { CrdEstablishedDelay = TimeSpan.Zero, DeploymentRolloutDelay = null });
        var options = ApplierHarness.FastOptions with { RolloutTimeout = TimeSpan.FromMilliseconds(300) };

        var exit = await harness.CreateApplier(options).UpAsync(TestStack.Full(), Bounded());

        Assert.Equal(1, exit);
        Assert.Equal(1, ErrorLines(harness.Text));
        Assert.Contains("error: Deployment gw/apigw: rollout not finished within 0.3 s", harness.Text);
        Assert.Contains("The rollout did not finish; nothing was pruned.", harness.Text);
        Assert.DoesNotContain(harness.Fake.Requests, r => r.Method == "DELETE" || (r.Method == "GET" && r.Path.EndsWith("/configmaps", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task UpAsync_ObjectWithoutName_ReportsItAndSendsNoRequest()
    {
        await using var harness = await CreateAsync();
        var nameless = TestStack.ConfigMap();
        nameless.Metadata.Name = null;

        var exit = await harness.CreateApplier().UpAsync(TestStack.State(TestStack.Crd(), nameless), Bounded());

        Assert.Equal(1, exit);
        Assert.Contains("error: object 2 (ConfigMap) needs apiVersion, kind and metadata.name", harness.Text);
        Assert.Empty(harness.Fake.Requests);
    }

    [Fact]
    public async Task UpAsync_ParentOwnedByAnotherTool_RefusesBeforeAnyChange()
    {
        await using var harness = await CreateAsync();
        harness.Fake.Seed("secrets", new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject
            {
                ["name"] = "dev-applyset",
                ["namespace"] = "gw",
                ["annotations"] = new JsonObject { [ApplySet.ToolingAnnotation] = "kubectl/v1.32.4" },
            },
        });

        var exit = await harness.CreateApplier().UpAsync(TestStack.Full(), Bounded());

        Assert.Equal(1, exit);
        Assert.Equal(1, ErrorLines(harness.Text));
        Assert.Contains("is an ApplySet managed by 'kubectl/v1.32.4'", harness.Text);
        Assert.Empty(Patches(harness));
    }

    private static JsonObject DeploymentOwnedByKubectl(int replicas) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = "apigw", ["namespace"] = "gw" },
        ["spec"] = new JsonObject { ["replicas"] = replicas },
    };

    // A loopback port bound but never listened on: connections to it are refused, and while the socket is held no
    // bind to port 0 (in this process or a parallel test run) is handed the port, as one could once a probe listener released it.
    private static Socket ReserveClosedPort()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}

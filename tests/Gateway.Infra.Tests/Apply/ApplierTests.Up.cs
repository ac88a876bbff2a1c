using System.Text.Json.Nodes;
using Gateway.Infra.Apply;
using Gateway.Kubernetes.Testing;

namespace Gateway.Infra.Tests.Apply;

/// <summary>up: exact requests, order, waits, summary, and idempotence.</summary>
public sealed partial class ApplierTests
{
    [Fact]
    public async Task UpAsync_EmptyCluster_AppliesInOrderWithExactApplyRequests()
    {
        await using var harness = await CreateAsync();

        var exit = await harness.CreateApplier().UpAsync(TestStack.Full(), Bounded());

        Assert.Equal(0, exit);
        var patches = Patches(harness);
        Assert.Equal([ParentPath, CrdPath, ClusterRolePath, ConfigMapPath, DeploymentPath, ParentPath], patches.Select(p => p.Path));
        Assert.All(patches, p =>
        {
            Assert.Equal("application/apply-patch+yaml; charset=utf-8", p.ContentType);
            Assert.Equal("gateway-infra", p.Query("fieldManager"));
            Assert.Equal("false", p.Query("force"));
            Assert.Equal("Strict", p.Query("fieldValidation"));
            Assert.Null(p.Query("dryRun"));
            if (p.Path != ParentPath)
            {
                Assert.Contains($"\"{ApplySet.PartOfLabel}\":\"{TestStack.DevApplySetId}\"", p.Body);
            }
        });
        Assert.Contains("\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"", patches[3].Body);
        Assert.Empty(Deletes(harness));
        Assert.Contains("Up: 4 created.", harness.Text);
    }

    [Fact]
    public async Task UpAsync_Crd_PollsUntilEstablishedBeforeTheNextObject()
    {
        // The test, not a timer, establishes the CRD: with the fake's 80 ms stand-in a slow machine's first poll could
        // already find it Established, so "polled at least twice" depended on timing.
        await using var harness = await CreateAsync(new FakeKubeApiServerOptions { CrdEstablishedDelay = null, DeploymentRolloutDelay = TimeSpan.FromMilliseconds(30) });
        var up = harness.CreateApplier().UpAsync(TestStack.Full(), Bounded());

        await WaitForAsync(() => CrdPollsAfterPatch(harness) >= 2, "two polling GETs of the CRD");
        Assert.DoesNotContain(harness.Fake.Requests, r => r.Path == ClusterRolePath);
        Assert.True(harness.Fake.UpdateStatus("apiextensions.k8s.io/v1", "customresourcedefinitions", null, TestStack.CrdName, status =>
            status["conditions"] = new JsonArray(new JsonObject { ["type"] = "Established", ["status"] = "True", ["reason"] = "InitialNamesAccepted" })));
        Assert.Equal(0, await up);

        var requests = harness.Fake.Requests;
        var crdPatch = requests.Single(r => r.Method == "PATCH" && r.Path == CrdPath).Sequence;
        var next = requests.First(r => r.Path == ClusterRolePath).Sequence;
        var waits = requests.Where(r => r.Method == "GET" && r.Path == CrdPath && r.Sequence > crdPatch && r.Sequence < next).ToArray();
        Assert.True(waits.Length >= 2, $"expected polling GETs of the CRD between its PATCH and the next object, saw {waits.Length}");
        Assert.Contains($"waiting for CustomResourceDefinition {TestStack.CrdName} to be Established", harness.Text);
        Assert.Contains("established after", harness.Text);
    }

    [Fact]
    public async Task UpAsync_Deployment_WaitsForRolloutBeforePruneAndFinalParent()
    {
        await using var harness = await CreateAsync();

        await harness.CreateApplier().UpAsync(TestStack.Full(), Bounded());

        var requests = harness.Fake.Requests;
        var deploymentPatch = requests.Single(r => r.Method == "PATCH" && r.Path == DeploymentPath).Sequence;
        var finalParent = requests.Last(r => r.Method == "PATCH" && r.Path == ParentPath).Sequence;
        Assert.Contains(requests, r => r.Method == "GET" && r.Path == DeploymentPath && r.Sequence > deploymentPatch && r.Sequence < finalParent);
        Assert.Contains("rollout Deployment gw/apigw: 2 of 2 updated, 2 available - done", harness.Text);
    }

    [Fact]
    public async Task UpAsync_RolloutInProgress_PrintsEachProgressStepUntilAvailable()
    {
        await using var harness = await CreateAsync(new FakeKubeApiServerOptions { CrdEstablishedDelay = TimeSpan.Zero, DeploymentRolloutDelay = null });
        var up = harness.CreateApplier().UpAsync(TestStack.State(TestStack.Deployment(replicas: 2)), Bounded());

        await harness.WaitForOutputAsync("rollout Deployment gw/apigw: waiting for the controller");
        harness.Fake.SetDeploymentRollout("gw", "apigw", updatedReplicas: 1, availableReplicas: 0);
        await harness.WaitForOutputAsync("1 of 2 updated, 0 available");
        harness.Fake.SetDeploymentRollout("gw", "apigw", updatedReplicas: 2, availableReplicas: 2);

        Assert.Equal(0, await up);
        Assert.Contains("rollout Deployment gw/apigw: 2 of 2 updated, 2 available - done", harness.Text);
    }

    [Fact]
    public async Task UpAsync_Twice_SecondChangesNothingAndSaysSo()
    {
        await using var harness = await CreateAsync();
        Assert.Equal(0, await harness.CreateApplier().UpAsync(TestStack.Full(), Bounded()));
        var before = new[]
        {
            ResourceVersion(harness, "apiextensions.k8s.io/v1", "customresourcedefinitions", null, TestStack.CrdName),
            ResourceVersion(harness, "v1", "configmaps", "gw", "routes"),
            ResourceVersion(harness, "apps/v1", "deployments", "gw", "apigw"),
            ResourceVersion(harness, "v1", "secrets", "gw", "dev-applyset"),
        };
        harness.Reset();

        var exit = await harness.CreateApplier().UpAsync(TestStack.Full(), Bounded());

        Assert.Equal(0, exit);
        Assert.Contains("Up: no changes (4 unchanged).", harness.Text);
        Assert.DoesNotContain("created", harness.Text);
        Assert.Empty(Deletes(harness));
        var after = new[]
        {
            ResourceVersion(harness, "apiextensions.k8s.io/v1", "customresourcedefinitions", null, TestStack.CrdName),
            ResourceVersion(harness, "v1", "configmaps", "gw", "routes"),
            ResourceVersion(harness, "apps/v1", "deployments", "gw", "apigw"),
            ResourceVersion(harness, "v1", "secrets", "gw", "dev-applyset"),
        };
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task UpAsync_ParentAndMembers_CarryApplySetLabelsAndAnnotations()
    {
        await using var harness = await CreateAsync();

        await harness.CreateApplier().UpAsync(TestStack.Full(), Bounded());

        var parent = harness.Fake.Get("v1", "secrets", "gw", "dev-applyset")!;
        Assert.Equal(TestStack.DevApplySetId, parent["metadata"]!["labels"]![ApplySet.IdLabel]!.GetValue<string>());
        Assert.Equal("gateway-infra/v1", parent["metadata"]!["annotations"]![ApplySet.ToolingAnnotation]!.GetValue<string>());
        Assert.Equal("ClusterRole.rbac.authorization.k8s.io,ConfigMap,CustomResourceDefinition.apiextensions.k8s.io,Deployment.apps",
            parent["metadata"]!["annotations"]![ApplySet.GroupKindsAnnotation]!.GetValue<string>());
        var configMap = harness.Fake.Get("v1", "configmaps", "gw", "routes")!;
        Assert.Equal(TestStack.DevApplySetId, configMap["metadata"]!["labels"]![ApplySet.PartOfLabel]!.GetValue<string>());
        Assert.Equal("apigw", configMap["metadata"]!["labels"]!["app.kubernetes.io/name"]!.GetValue<string>());
    }

    private static int CrdPollsAfterPatch(ApplierHarness harness)
    {
        var requests = harness.Fake.Requests;
        var patch = requests.FirstOrDefault(r => r.Method == "PATCH" && r.Path == CrdPath);
        return patch is null ? 0 : requests.Count(r => r.Method == "GET" && r.Path == CrdPath && r.Sequence > patch.Sequence);
    }

    // Bounded generously: the condition is a request the applier sends every 20 ms once it is waiting.
    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"never saw {what}");
            await Task.Delay(10);
        }
    }
}

using System.Text.Json.Nodes;
using Gateway.Infra.Apply;

namespace Gateway.Infra.Tests.Apply;

/// <summary>Prune: only ApplySet members that are no longer desired go; look-alikes and CRDs stay.</summary>
public sealed partial class ApplierTests
{
    [Fact]
    public async Task UpAsync_ObjectDroppedFromStack_PrunesItButNotALookalikeOutsideTheApplySet()
    {
        await using var harness = await CreateAsync();
        Assert.Equal(0, await harness.CreateApplier().UpAsync(TestStack.State(TestStack.ConfigMap(), TestStack.ConfigMap("extra")), Bounded()));
        harness.Fake.Seed("configmaps", Lookalike(), fieldManager: "kubectl");
        harness.Reset();

        var exit = await harness.CreateApplier().UpAsync(TestStack.State(TestStack.ConfigMap()), Bounded());

        Assert.Equal(0, exit);
        var delete = Assert.Single(Deletes(harness));
        Assert.Equal("/api/v1/namespaces/gw/configmaps/extra", delete.Path);
        Assert.Equal("Foreground", delete.Query("propagationPolicy"));
        var list = harness.Fake.Requests.Single(r => r.Method == "GET" && r.Path == "/api/v1/namespaces/gw/configmaps");
        Assert.Equal($"{ApplySet.PartOfLabel}={TestStack.DevApplySetId}", list.Query("labelSelector"));
        Assert.True(list.Sequence < delete.Sequence);
        Assert.Null(harness.Fake.Get("v1", "configmaps", "gw", "extra"));
        Assert.NotNull(harness.Fake.Get("v1", "configmaps", "gw", "lookalike"));
        Assert.NotNull(harness.Fake.Get("v1", "configmaps", "gw", "routes"));
        Assert.Contains("- pruned     ConfigMap gw/extra", harness.Text);
        Assert.Contains("Up: 1 unchanged, 1 pruned.", harness.Text);
    }

    [Fact]
    public async Task UpAsync_KindDroppedFromStack_PrunesItAndRewritesParentKinds()
    {
        await using var harness = await CreateAsync();
        Assert.Equal(0, await harness.CreateApplier().UpAsync(TestStack.State(TestStack.ConfigMap(), TestStack.ClusterRole()), Bounded()));
        harness.Reset();

        var exit = await harness.CreateApplier().UpAsync(TestStack.State(TestStack.ConfigMap()), Bounded());

        Assert.Equal(0, exit);
        Assert.Equal([ClusterRolePath], Deletes(harness).Select(d => d.Path));
        Assert.Contains(harness.Fake.Requests, r => r.Method == "GET" && r.Path == "/apis/rbac.authorization.k8s.io/v1/clusterroles");
        var parent = harness.Fake.Get("v1", "secrets", "gw", "dev-applyset")!;
        Assert.Equal("ConfigMap", parent["metadata"]!["annotations"]![ApplySet.GroupKindsAnnotation]!.GetValue<string>());
    }

    [Fact]
    public async Task UpAsync_CrdDroppedFromStack_KeepsTheCrd()
    {
        await using var harness = await CreateAsync();
        Assert.Equal(0, await harness.CreateApplier().UpAsync(TestStack.State(TestStack.Crd(), TestStack.ConfigMap()), Bounded()));
        harness.Reset();

        var exit = await harness.CreateApplier().UpAsync(TestStack.State(TestStack.ConfigMap()), Bounded());

        Assert.Equal(0, exit);
        Assert.Empty(Deletes(harness));
        Assert.NotNull(harness.Fake.Get("apiextensions.k8s.io/v1", "customresourcedefinitions", null, TestStack.CrdName));
        Assert.Contains($"! kept       CustomResourceDefinition {TestStack.CrdName}", harness.Text);
    }

    // Same app.kubernetes.io labels as the stack's objects, but made by another tool: no part-of label.
    private static JsonObject Lookalike() => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject
        {
            ["name"] = "lookalike",
            ["namespace"] = "gw",
            ["labels"] = new JsonObject(TestStack.AppLabels().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))),
        },
        ["data"] = new JsonObject { ["note"] = "not ours" },
    };
}

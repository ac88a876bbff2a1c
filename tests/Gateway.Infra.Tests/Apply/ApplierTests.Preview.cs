namespace Gateway.Infra.Tests.Apply;

/// <summary>preview: dry runs only, a readable diff, nothing stored.</summary>
public sealed partial class ApplierTests
{
    [Fact]
    public async Task PreviewAsync_EmptyCluster_EveryObjectCreateOnlyDryRunPatchesNothingStored()
    {
        await using var harness = await CreateAsync();

        var exit = await harness.CreateApplier().PreviewAsync(TestStack.Full(), Bounded());

        Assert.Equal(0, exit);
        var patches = Patches(harness);
        Assert.Equal([ParentPath, CrdPath, ClusterRolePath, ConfigMapPath, DeploymentPath], patches.Select(p => p.Path));
        Assert.All(patches, p =>
        {
            Assert.Equal("All", p.Query("dryRun"));
            Assert.StartsWith("application/apply-patch+yaml", p.ContentType);
            Assert.Equal("gateway-infra", p.Query("fieldManager"));
        });
        Assert.DoesNotContain(harness.Fake.Requests, r => r.Method is "DELETE" or "POST" or "PUT");
        Assert.Empty(harness.Fake.List("v1", "configmaps"));
        Assert.Empty(harness.Fake.List("v1", "secrets"));
        Assert.Empty(harness.Fake.List("apiextensions.k8s.io/v1", "customresourcedefinitions"));
        Assert.Contains($"+ create     CustomResourceDefinition {TestStack.CrdName}", harness.Text);
        Assert.Contains("+ create     Deployment gw/apigw", harness.Text);
        Assert.Contains("Preview: 5 to create. Nothing was changed.", harness.Text);
    }

    [Fact]
    public async Task PreviewAsync_ChangedReplicas_ShowsOnlyThatFieldAndNoServerManagedFields()
    {
        await using var harness = await CreateAsync();
        Assert.Equal(0, await harness.CreateApplier().UpAsync(TestStack.Full(replicas: 2), Bounded()));
        harness.Reset();

        var exit = await harness.CreateApplier().PreviewAsync(TestStack.Full(replicas: 3), Bounded());

        Assert.Equal(0, exit);
        Assert.Contains("~ update     Deployment gw/apigw", harness.Text);
        Assert.Contains("~ spec.replicas: 2 => 3", harness.Text);
        Assert.Contains("= no change  ConfigMap gw/routes", harness.Text);
        Assert.DoesNotContain("managedFields", harness.Text);
        Assert.DoesNotContain("resourceVersion", harness.Text);
        Assert.DoesNotContain("status", harness.Text);
        Assert.Contains("Preview: 1 to update, 4 unchanged. Nothing was changed.", harness.Text);
        Assert.Equal(2, harness.Fake.Get("apps/v1", "deployments", "gw", "apigw")!["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task PreviewAsync_ObjectDroppedFromStack_ShowsPruneAndDeletesNothing()
    {
        await using var harness = await CreateAsync();
        Assert.Equal(0, await harness.CreateApplier().UpAsync(TestStack.State(TestStack.ConfigMap(), TestStack.ConfigMap("extra")), Bounded()));
        harness.Reset();

        var exit = await harness.CreateApplier().PreviewAsync(TestStack.State(TestStack.ConfigMap()), Bounded());

        Assert.Equal(0, exit);
        Assert.Contains("- prune      ConfigMap gw/extra", harness.Text);
        Assert.Empty(Deletes(harness));
        Assert.NotNull(harness.Fake.Get("v1", "configmaps", "gw", "extra"));
    }
}

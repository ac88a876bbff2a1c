namespace Gateway.Infra.Tests.Apply;

/// <summary>destroy: reverse order, the CRD kept unless asked.</summary>
public sealed partial class ApplierTests
{
    [Fact]
    public async Task DestroyAsync_AfterUp_DeletesInReverseOrderAndKeepsTheCrd()
    {
        await using var harness = await CreateAsync();
        Assert.Equal(0, await harness.CreateApplier().UpAsync(TestStack.Full(), Bounded()));
        harness.Reset();

        var exit = await harness.CreateApplier().DestroyAsync(TestStack.Full(), deleteCrd: false, Bounded());

        Assert.Equal(0, exit);
        Assert.Equal([DeploymentPath, ConfigMapPath, ClusterRolePath], Deletes(harness).Select(d => d.Path));
        Assert.All(Deletes(harness), d => Assert.Equal("Foreground", d.Query("propagationPolicy")));
        Assert.NotNull(harness.Fake.Get("apiextensions.k8s.io/v1", "customresourcedefinitions", null, TestStack.CrdName));
        Assert.Null(harness.Fake.Get("apps/v1", "deployments", "gw", "apigw"));
        Assert.Contains($"! kept       CustomResourceDefinition {TestStack.CrdName}", harness.Text);
        Assert.Contains("--delete-crd", harness.Text);
        Assert.Contains("Destroy: 3 deleted, 1 kept.", harness.Text);

        // The parent stays and records the CRD, so a later destroy --delete-crd still finds it.
        var parent = harness.Fake.Get("v1", "secrets", "gw", "dev-applyset")!;
        Assert.Equal("CustomResourceDefinition.apiextensions.k8s.io", parent["metadata"]!["annotations"]![Gateway.Infra.Apply.ApplySet.GroupKindsAnnotation]!.GetValue<string>());
    }

    [Fact]
    public async Task DestroyAsync_DeleteCrd_DeletesTheCrdLastThenTheParent()
    {
        await using var harness = await CreateAsync();
        Assert.Equal(0, await harness.CreateApplier().UpAsync(TestStack.Full(), Bounded()));
        harness.Reset();

        var exit = await harness.CreateApplier().DestroyAsync(TestStack.Full(), deleteCrd: true, Bounded());

        Assert.Equal(0, exit);
        Assert.Equal([DeploymentPath, ConfigMapPath, ClusterRolePath, CrdPath, ParentPath], Deletes(harness).Select(d => d.Path));
        Assert.Empty(harness.Fake.List("apiextensions.k8s.io/v1", "customresourcedefinitions"));
        Assert.Empty(harness.Fake.List("v1", "secrets"));
        Assert.Contains("Destroy: 4 deleted.", harness.Text);
    }

    [Fact]
    public async Task DestroyAsync_EmptyCluster_DeletesNothingAndSucceeds()
    {
        await using var harness = await CreateAsync();

        var exit = await harness.CreateApplier().DestroyAsync(TestStack.Full(), deleteCrd: true, Bounded());

        Assert.Equal(0, exit);
        Assert.Equal([ParentPath], Deletes(harness).Select(d => d.Path));
        Assert.Contains("Destroy: nothing to delete.", harness.Text);
    }
}

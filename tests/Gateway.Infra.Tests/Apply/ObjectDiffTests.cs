using System.Text.Json.Nodes;
using Gateway.Infra.Apply;

namespace Gateway.Infra.Tests.Apply;

/// <summary>The preview diff: only changes the apply makes, with readable paths.</summary>
public sealed class ObjectDiffTests
{
    [Fact]
    public void Compare_OnlyServerManagedFieldsDiffer_ReportsNothing()
    {
        var live = Parse("""{"metadata":{"name":"a","resourceVersion":"1","generation":1,"uid":"u","managedFields":[{}],"annotations":{"deployment.kubernetes.io/revision":"3"}},"spec":{"x":1},"status":{"ready":1}}""");
        var result = Parse("""{"metadata":{"name":"a","resourceVersion":"2","generation":2,"uid":"u","managedFields":[{},{}]},"spec":{"x":1},"status":{"ready":2}}""");

        Assert.Empty(ObjectDiff.Compare(live, result));
    }

    [Fact]
    public void Compare_LabelAndArrayChanges_BracketsKeysAndIndexesArrays()
    {
        var live = Parse("""{"metadata":{"labels":{"app.kubernetes.io/version":"1"}},"spec":{"containers":[{"image":"a:1"}],"old":true}}""");
        var result = Parse("""{"metadata":{"labels":{"app.kubernetes.io/version":"2"}},"spec":{"containers":[{"image":"a:2"}],"new":1}}""");

        var lines = ObjectDiff.Compare(live, result).Select(c => c.Render()).ToArray();

        Assert.Equal(
            ["~ metadata.labels[\"app.kubernetes.io/version\"]: \"1\" => \"2\"", "~ spec.containers[0].image: \"a:1\" => \"a:2\"", "+ spec.new: 1", "- spec.old"],
            lines);
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}

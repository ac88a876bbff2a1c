using Gateway.Kubernetes.Testing;

namespace Gateway.Infra.Tests.Apply;

/// <summary>
/// The applier driven through the real KubernetesClient against the loopback fake API server; assertions are on the
/// requests the server received and on what it stores.
/// </summary>
public sealed partial class ApplierTests
{
    private const string ParentPath = "/api/v1/namespaces/gw/secrets/dev-applyset";
    private const string CrdPath = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + TestStack.CrdName;
    private const string ClusterRolePath = "/apis/rbac.authorization.k8s.io/v1/clusterroles/apigw-reader";
    private const string ConfigMapPath = "/api/v1/namespaces/gw/configmaps/routes";
    private const string DeploymentPath = "/apis/apps/v1/namespaces/gw/deployments/apigw";

    /// <summary>The subject's factory: a fake server with quick controller stand-ins, and an applier on it.</summary>
    private static Task<ApplierHarness> CreateAsync(FakeKubeApiServerOptions? options = null) => ApplierHarness.StartAsync(options);

    /// <summary>Bounds every applier call; a hang fails the test instead of stalling the run.</summary>
    /// <remarks>Longer than <see cref="ApplierHarness.FastOptions"/>' 30 s waits, so those fail first with their own message.</remarks>
    private static CancellationToken Bounded() => new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token;

    private static IReadOnlyList<RecordedRequest> Patches(ApplierHarness harness) => harness.Fake.Requests.Where(r => r.Method == "PATCH").ToArray();

    private static IReadOnlyList<RecordedRequest> Deletes(ApplierHarness harness) => harness.Fake.Requests.Where(r => r.Method == "DELETE").ToArray();

    private static int ErrorLines(string text) => text.Split('\n').Count(l => l.StartsWith("error:", StringComparison.Ordinal));

    private static string? ResourceVersion(ApplierHarness harness, string apiVersion, string resource, string? ns, string name) =>
        harness.Fake.Get(apiVersion, resource, ns, name)?["metadata"]?["resourceVersion"]?.GetValue<string>();
}

using Gateway.Infra.Objects;
using Gateway.Infra.StackFiles;
using k8s;
using k8s.Models;

namespace Gateway.Infra.Tests.Objects;

/// <summary>Structural checks of every object for every checked-in stack: labels, names, order, and how objects refer to each other.</summary>
public sealed class GatewayObjectsTests
{
    public static TheoryData<string> Stacks => Samples.StackNames;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Build_EveryObject_CarriesTheAppLabelsAndNoApplySetLabel(string stackName)
    {
        var stack = Samples.Stack(stackName);

        foreach (var o in Build(stack).Objects)
        {
            var labels = o.Metadata.Labels;
            Assert.Equal("gateway", labels["app.kubernetes.io/name"]);
            Assert.Equal(stack.Name, labels["app.kubernetes.io/instance"]);
            Assert.Equal(stack.Image.Tag, labels["app.kubernetes.io/version"]);
            Assert.Contains(labels["app.kubernetes.io/component"], new[] { "gateway", "crd" });
            Assert.Equal("gateway", labels["app.kubernetes.io/part-of"]);
            Assert.Equal("gateway-infra", labels["app.kubernetes.io/managed-by"]);

            // The applier adds ApplySet membership at apply time; objects carrying it would bind render output to one cluster.
            Assert.DoesNotContain(labels.Keys, k => k.StartsWith("applyset.kubernetes.io/", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Build_EveryObject_HasApiVersionKindAndName(string stackName)
    {
        foreach (var o in Build(Samples.Stack(stackName)).Objects)
        {
            Assert.False(string.IsNullOrEmpty(o.ApiVersion), o.Kind + " has no apiVersion");
            Assert.False(string.IsNullOrEmpty(o.Kind));
            Assert.False(string.IsNullOrEmpty(o.Metadata.Name), o.Kind + " has no name");
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Build_NamespacedObjects_AreInTheStackNamespace_ClusterObjectsInNone(string stackName)
    {
        var stack = Samples.Stack(stackName);
        string[] clusterScoped = ["CustomResourceDefinition", "Namespace", "ClusterRole", "ClusterRoleBinding"];

        foreach (var o in Build(stack).Objects)
        {
            Assert.Equal(clusterScoped.Contains(o.Kind) ? null : stack.Namespace, o.Metadata.NamespaceProperty);
        }
    }

    [Fact]
    public void Build_Order_PutsDependenciesBeforeTheirUsers()
    {
        var kinds = Build(Samples.Stack("dev")).Objects.Select(o => o.Kind).ToList();

        Assert.Equal(
            ["CustomResourceDefinition", "Namespace", "ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding",
             "ConfigMap", "Service", "NetworkPolicy", "Deployment", "PodDisruptionBudget", "HorizontalPodAutoscaler"],
            kinds);
    }

    [Fact]
    public void Build_StackWithoutOwnNamespace_LeavesTheNamespaceOut()
    {
        var stack = Samples.Stack("dev") with { CreateNamespace = false };

        Assert.DoesNotContain(Build(stack).Objects, o => o.Kind == "Namespace");
    }

    [Fact]
    public void Build_State_NamesStackAndNamespace()
    {
        var stack = Samples.Stack("dev");

        var state = Build(stack);

        Assert.Equal("dev", state.StackName);
        Assert.Equal(stack.Namespace, state.Namespace);
    }

    [Fact]
    public void Build_RouteFileWithErrors_ReturnsRenderedDiagnosticsAndNoObjects()
    {
        var result = GatewayObjects.Build(Samples.Stack("dev"), "route r {\n  path /\n  to nowhere\n}\n", "routes.gw");

        Assert.Null(result.State);
        Assert.Equal(
            [
                "routes.gw(3,6): error GW0103: upstream 'nowhere' is not defined; define it with 'upstream nowhere { endpoints … }'",
                " 3 |   to nowhere",
                "   |      ^^^^^^^",
            ],
            result.Errors);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Namespace_EnforcesRestrictedPodSecurity(string stackName)
    {
        var ns = GatewayObjects.Namespace(Samples.Stack(stackName));

        Assert.Equal("restricted", ns.Metadata.Labels["pod-security.kubernetes.io/enforce"]);
    }

    [Fact]
    public void RoutesConfigMap_HoldsTheRouteFileVerbatim()
    {
        var routes = Samples.Routes();

        var map = GatewayObjects.RoutesConfigMap(Samples.Stack("dev"), routes);

        Assert.Equal(routes.Text, map.Data["routes.gw"]);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Service_TargetsThePublicPortOnly_WithTheStackType(string stackName)
    {
        var stack = Samples.Stack(stackName);

        var service = GatewayObjects.Service(stack);

        Assert.Equal(stack.ServiceType, service.Spec.Type);
        var port = Assert.Single(service.Spec.Ports);
        Assert.Equal("http", port.TargetPort.Value);
        Assert.Equal(ObjectLabels.Selector(stack), service.Spec.Selector);
    }

    [Fact]
    public void Service_LoadBalancer_PublishesHostsAndKeepsClientAddress()
    {
        var stack = Samples.Stack("prod");

        var service = GatewayObjects.Service(stack);

        Assert.Equal("LoadBalancer", service.Spec.Type);
        Assert.Equal("Local", service.Spec.ExternalTrafficPolicy);
        Assert.Equal(string.Join(",", stack.Hosts), service.Metadata.Annotations["external-dns.alpha.kubernetes.io/hostname"]);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void PodDisruptionBudget_AllowsOneEvictionOfGatewayPods(string stackName)
    {
        var stack = Samples.Stack(stackName);

        var pdb = GatewayObjects.PodDisruptionBudget(stack);

        Assert.Equal("1", pdb.Spec.MaxUnavailable.Value);
        Assert.Equal(ObjectLabels.Selector(stack), pdb.Spec.Selector.MatchLabels);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void HorizontalPodAutoscaler_ScalesTheDeploymentWithinTheStackBounds(string stackName)
    {
        var stack = Samples.Stack(stackName);

        var hpa = GatewayObjects.HorizontalPodAutoscaler(stack);

        Assert.True(hpa.Spec.MinReplicas >= 2);
        Assert.Equal(stack.Replicas.Min, hpa.Spec.MinReplicas);
        Assert.Equal(stack.Replicas.Max, hpa.Spec.MaxReplicas);
        Assert.Equal(("apps/v1", "Deployment", "gateway"), (hpa.Spec.ScaleTargetRef.ApiVersion, hpa.Spec.ScaleTargetRef.Kind, hpa.Spec.ScaleTargetRef.Name));
        Assert.Equal(stack.Replicas.CpuUtilization, Assert.Single(hpa.Spec.Metrics).Resource.Target.AverageUtilization);
    }

    /// <summary>The subject: every object of <paramref name="stack"/> over the pinned route file.</summary>
    private static Gateway.Infra.Apply.DesiredState Build(StackConfig stack) => GatewayObjects.Build(stack, Samples.Routes());
}

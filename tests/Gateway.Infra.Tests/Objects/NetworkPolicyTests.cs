using Gateway.Infra.Objects;
using k8s.Models;

namespace Gateway.Infra.Tests.Objects;

/// <summary>The admin port binds all addresses in the cluster, so the NetworkPolicy is what keeps it private.</summary>
public sealed class NetworkPolicyTests
{
    [Fact]
    public void NetworkPolicy_AdmitsAnyoneToThePublicPort()
    {
        var rule = Rules().Single(r => r.Ports.Single().Port.Value == "8080");

        Assert.Null(rule.FromProperty);
    }

    [Fact]
    public void NetworkPolicy_AdmitsOnlyMonitoringNamespacesToTheAdminPort()
    {
        var rule = Rules().Single(r => r.Ports.Single().Port.Value == "9901");

        var peer = Assert.Single(rule.FromProperty);
        var requirement = Assert.Single(peer.NamespaceSelector.MatchExpressions);
        Assert.Equal(("kubernetes.io/metadata.name", "In"), (requirement.Key, requirement.OperatorProperty));
        Assert.Equal(["monitoring"], requirement.Values);
        Assert.Null(peer.PodSelector);
        Assert.Null(peer.IpBlock);
    }

    [Fact]
    public void NetworkPolicy_NoMonitoringNamespaces_HasNoAdminRule()
    {
        var stack = Samples.Stack("dev") with { MonitoringNamespaces = [] };

        var policy = GatewayObjects.NetworkPolicy(stack, Samples.Routes());

        Assert.Equal(["8080"], policy.Spec.Ingress.Select(r => r.Ports.Single().Port.Value));
    }

    [Fact]
    public void NetworkPolicy_SelectsTheGatewayPodsForIngress()
    {
        var stack = Samples.Stack("dev");

        var policy = GatewayObjects.NetworkPolicy(stack, Samples.Routes());

        Assert.Equal(ObjectLabels.Selector(stack), policy.Spec.PodSelector.MatchLabels);
        Assert.Equal(["Ingress"], policy.Spec.PolicyTypes);
    }

    /// <summary>The subject's ingress rules for the dev stack.</summary>
    private static IList<V1NetworkPolicyIngressRule> Rules() =>
        GatewayObjects.NetworkPolicy(Samples.Stack("dev"), Samples.Routes()).Spec.Ingress;
}

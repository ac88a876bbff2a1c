using Gateway.Infra.StackFiles;
using k8s.Models;

namespace Gateway.Infra.Objects;

/// <summary>How traffic reaches the gateway: the Service for the public port, the NetworkPolicy for both ports.</summary>
public static partial class GatewayObjects
{
    /// <summary>The Service port clients use; the public listener's own port is the target.</summary>
    public const int ServicePort = 80;

    /// <summary>The public Service; only the public port, because the admin port is for probes and Prometheus only.</summary>
    public static V1Service Service(StackConfig stack)
    {
        var metadata = Metadata(stack, ObjectNames.App);
        var external = stack.ServiceType != "ClusterIP";
        if (external && stack.Hosts.Count > 0)
        {
            // external-dns publishes these names for the load balancer; without external-dns the annotation is inert.
            metadata.Annotations = new Dictionary<string, string> { ["external-dns.alpha.kubernetes.io/hostname"] = string.Join(",", stack.Hosts) };
        }

        return new V1Service
        {
            ApiVersion = V1Service.KubeApiVersion,
            Kind = V1Service.KubeKind,
            Metadata = metadata,
            Spec = new V1ServiceSpec
            {
                Type = stack.ServiceType,
                Selector = ObjectLabels.Selector(stack),

                // Local keeps the client's source address, which rate limits keyed by client IP depend on.
                ExternalTrafficPolicy = external ? "Local" : null,
                Ports = [new V1ServicePort { Name = ObjectNames.HttpPort, Port = ServicePort, TargetPort = ObjectNames.HttpPort, Protocol = "TCP" }],
            },
        };
    }

    /// <summary>Admits anyone to the public port and only the monitoring namespaces to the admin port.</summary>
    /// <remarks>
    /// The admin listener binds 0.0.0.0 in the cluster so that kubelet probes reach it; this policy is what keeps it private.
    /// Kubelet probes come from the node, which common CNIs (Calico, Cilium) admit regardless of policy. Egress is not
    /// restricted: upstreams can live in any namespace.
    /// </remarks>
    public static V1NetworkPolicy NetworkPolicy(StackConfig stack, GatewayRouteFile routes)
    {
        var publicRule = new V1NetworkPolicyIngressRule { Ports = [new V1NetworkPolicyPort { Port = routes.ListenPort, Protocol = "TCP" }] };
        var adminRule = new V1NetworkPolicyIngressRule
        {
            FromProperty =
            [
                new V1NetworkPolicyPeer
                {
                    NamespaceSelector = new V1LabelSelector
                    {
                        MatchExpressions =
                        [
                            new V1LabelSelectorRequirement { Key = "kubernetes.io/metadata.name", OperatorProperty = "In", Values = [.. stack.MonitoringNamespaces] },
                        ],
                    },
                },
            ],
            Ports = [new V1NetworkPolicyPort { Port = routes.AdminPort, Protocol = "TCP" }],
        };

        return new V1NetworkPolicy
        {
            ApiVersion = V1NetworkPolicy.KubeGroup + "/" + V1NetworkPolicy.KubeApiVersion,
            Kind = V1NetworkPolicy.KubeKind,
            Metadata = Metadata(stack, ObjectNames.App),
            Spec = new V1NetworkPolicySpec
            {
                PodSelector = new V1LabelSelector { MatchLabels = ObjectLabels.Selector(stack) },
                PolicyTypes = ["Ingress"],

                // No monitoring namespaces: no admin rule at all, so only the kubelet reaches the admin port.
                Ingress = stack.MonitoringNamespaces.Count > 0 ? [publicRule, adminRule] : [publicRule],
            },
        };
    }
}

using Gateway.Infra.StackFiles;

namespace Gateway.Infra.Objects;

/// <summary>The names of the stack's objects, in one place so that references (selectors, bindings, volumes) cannot drift.</summary>
public static class ObjectNames
{
    /// <summary>The application name: the Deployment, Service, ServiceAccount and most other namespaced objects.</summary>
    public const string App = "gateway";

    /// <summary>The ConfigMap that holds <c>routes.gw</c>.</summary>
    public const string RoutesConfigMap = "gateway-routes";

    /// <summary>The key of <c>routes.gw</c> inside the ConfigMap, and so the file name in the mounted folder.</summary>
    public const string RoutesKey = "routes.gw";

    /// <summary>Where the ConfigMap is mounted in the container.</summary>
    public const string RoutesMountPath = "/etc/gateway";

    /// <summary>The container's name.</summary>
    public const string Container = "gateway";

    /// <summary>The Role and RoleBinding for leader election in the gateway's namespace.</summary>
    public const string LeaderElectionRole = "gateway-leader-election";

    /// <summary>The name of the public container and Service port.</summary>
    public const string HttpPort = "http";

    /// <summary>The name of the admin container port (probes, metrics).</summary>
    public const string AdminPort = "admin";

    /// <summary>The pod-template annotation that carries the checksum of <c>routes.gw</c>.</summary>
    public const string RoutesChecksumAnnotation = Gateway.Resources.ApiDefinitions.V1Alpha1APIDefinition.KubeGroup + "/routes-checksum";

    /// <summary>The ClusterRole and ClusterRoleBinding: cluster-scoped, so the namespace is part of the name and two stacks never
    /// collide; <c>gateway:NAMESPACE</c> follows the <c>system:…</c> convention for qualified cluster-scoped RBAC names.</summary>
    public static string ClusterScoped(StackConfig stack) => $"{App}:{stack.Namespace}";
}

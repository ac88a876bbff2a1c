using Gateway.Infra.StackFiles;
using Gateway.Resources.ApiDefinitions;
using k8s.Models;

namespace Gateway.Infra.Objects;

/// <summary>The gateway's identity and its least-privilege grants.</summary>
public static partial class GatewayObjects
{
    /// <summary>The RBAC API version of every role and binding.</summary>
    private const string RbacApiVersion = V1Role.KubeGroup + "/" + V1Role.KubeApiVersion;

    /// <summary>The pods' ServiceAccount; its token is mounted because the gateway watches the API.</summary>
    public static V1ServiceAccount ServiceAccount(StackConfig stack) => new()
    {
        ApiVersion = V1ServiceAccount.KubeApiVersion,
        Kind = V1ServiceAccount.KubeKind,
        Metadata = Metadata(stack, ObjectNames.App),
        AutomountServiceAccountToken = true,
    };

    /// <summary>Cluster-wide reads the gateway needs: EndpointSlices of upstreams and APIDefinitions of every tenant namespace,
    /// plus writing APIDefinition status. Nothing else: no Secrets, no Services, no writes to specs.</summary>
    public static V1ClusterRole ClusterRole(StackConfig stack) => new()
    {
        ApiVersion = RbacApiVersion,
        Kind = V1ClusterRole.KubeKind,
        Metadata = Metadata(stack, ObjectNames.ClusterScoped(stack), namespaced: false),
        Rules =
        [
            new V1PolicyRule { ApiGroups = ["discovery.k8s.io"], Resources = ["endpointslices"], Verbs = ["get", "list", "watch"] },
            new V1PolicyRule { ApiGroups = [V1Alpha1APIDefinition.KubeGroup], Resources = [V1Alpha1APIDefinition.KubePluralName], Verbs = ["get", "list", "watch"] },

            // Status is written with server-side apply, which is a PATCH; tenants get no grant on this subresource.
            new V1PolicyRule { ApiGroups = [V1Alpha1APIDefinition.KubeGroup], Resources = [V1Alpha1APIDefinition.KubePluralName + "/status"], Verbs = ["patch"] },
        ],
    };

    /// <summary>Binds <see cref="ClusterRole"/> to the gateway's ServiceAccount.</summary>
    public static V1ClusterRoleBinding ClusterRoleBinding(StackConfig stack) => new()
    {
        ApiVersion = RbacApiVersion,
        Kind = V1ClusterRoleBinding.KubeKind,
        Metadata = Metadata(stack, ObjectNames.ClusterScoped(stack), namespaced: false),
        RoleRef = new V1RoleRef { ApiGroup = V1Role.KubeGroup, Kind = V1ClusterRole.KubeKind, Name = ObjectNames.ClusterScoped(stack) },
        Subjects = [GatewaySubject(stack)],
    };

    /// <summary>Leases for leader election (only the leader writes status), in the gateway's own namespace only.</summary>
    public static V1Role LeaderElectionRole(StackConfig stack) => new()
    {
        ApiVersion = RbacApiVersion,
        Kind = V1Role.KubeKind,
        Metadata = Metadata(stack, ObjectNames.LeaderElectionRole),
        Rules = [new V1PolicyRule { ApiGroups = ["coordination.k8s.io"], Resources = ["leases"], Verbs = ["get", "create", "update"] }],
    };

    /// <summary>Binds <see cref="LeaderElectionRole"/> to the gateway's ServiceAccount.</summary>
    public static V1RoleBinding LeaderElectionRoleBinding(StackConfig stack) => new()
    {
        ApiVersion = RbacApiVersion,
        Kind = V1RoleBinding.KubeKind,
        Metadata = Metadata(stack, ObjectNames.LeaderElectionRole),
        RoleRef = new V1RoleRef { ApiGroup = V1Role.KubeGroup, Kind = V1Role.KubeKind, Name = ObjectNames.LeaderElectionRole },
        Subjects = [GatewaySubject(stack)],
    };

    /// <summary>The gateway's ServiceAccount as a binding subject.</summary>
    private static Rbacv1Subject GatewaySubject(StackConfig stack) =>
        new() { Kind = V1ServiceAccount.KubeKind, Name = ObjectNames.App, NamespaceProperty = stack.Namespace };
}

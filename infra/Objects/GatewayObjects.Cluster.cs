using Gateway.Infra.StackFiles;
using k8s.Models;

namespace Gateway.Infra.Objects;

/// <summary>Cluster-level objects: the APIDefinition CRD and the namespace.</summary>
public static partial class GatewayObjects
{
    /// <summary>The APIDefinition CRD, built from the same C# types the controller uses (Gateway.Resources).</summary>
    /// <remarks>The CRD is shared by every stack in a cluster; destroy leaves it alone unless asked (--delete-crd), because
    /// deleting it deletes every tenant's APIDefinitions.</remarks>
    public static V1CustomResourceDefinition ApiDefinitionCrd(StackConfig stack)
    {
        var crd = Gateway.Resources.ApiDefinitions.ApiDefinitionCrd.Create();
        crd.Metadata.Labels = ObjectLabels.For(stack, ObjectLabels.CrdComponent);
        return crd;
    }

    /// <summary>The stack's namespace, enforcing the <c>restricted</c> Pod Security Standard that the gateway's pods meet.</summary>
    public static V1Namespace Namespace(StackConfig stack)
    {
        var metadata = Metadata(stack, stack.Namespace, namespaced: false);

        // Enforcing 'restricted' makes the apiserver reject any pod in the namespace that loosens the security context below.
        metadata.Labels["pod-security.kubernetes.io/enforce"] = "restricted";
        return new V1Namespace { ApiVersion = V1Namespace.KubeApiVersion, Kind = V1Namespace.KubeKind, Metadata = metadata };
    }
}

using Gateway.Infra.StackFiles;
using k8s.Models;

namespace Gateway.Infra.Objects;

/// <summary>The route table as configuration.</summary>
public static partial class GatewayObjects
{
    /// <summary>The ConfigMap holding <c>routes.gw</c> verbatim; the pods mount it and read it at startup.</summary>
    /// <remarks>Mutable and updated in place: the Deployment's checksum annotation rolls the pods when the text changes, which
    /// is deterministic, unlike the kubelet's delayed refresh of mounted files.</remarks>
    public static V1ConfigMap RoutesConfigMap(StackConfig stack, GatewayRouteFile routes) => new()
    {
        ApiVersion = V1ConfigMap.KubeApiVersion,
        Kind = V1ConfigMap.KubeKind,
        Metadata = Metadata(stack, ObjectNames.RoutesConfigMap),
        Data = new Dictionary<string, string> { [ObjectNames.RoutesKey] = routes.Text },
    };
}

using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>One tenant's API on the gateway: hosts, routes and their policies; namespaced, and the namespace is the tenant.</summary>
/// <remarks>
/// The class is mutable (get/set) only because <see cref="IKubernetesObject{TMetadata}"/>
/// requires settable <c>apiVersion</c>, <c>kind</c> and <c>metadata</c>; spec and status are immutable records.
/// </remarks>
[KubernetesEntity(Group = KubeGroup, Kind = KubeKind, ApiVersion = KubeApiVersion, PluralName = KubePluralName)]
public sealed class V1Alpha1APIDefinition : IKubernetesObject<V1ObjectMeta>, ISpec<ApiDefinitionSpec>, IStatus<ApiDefinitionStatus?>
{
    /// <summary>The API group; <c>gateway.example.com</c> is a placeholder until the project owns a domain.</summary>
    public const string KubeGroup = "gateway.example.com";

    /// <summary>The version of this shape.</summary>
    public const string KubeApiVersion = "v1alpha1";

    /// <summary>The kind.</summary>
    public const string KubeKind = "APIDefinition";

    /// <summary>The plural used in URLs and RBAC rules.</summary>
    public const string KubePluralName = "apidefinitions";

    /// <summary><c>gateway.example.com/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeGroup + "/" + KubeApiVersion;

    /// <summary><c>APIDefinition</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    /// <summary>Name, namespace (the tenant), labels, generation.</summary>
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <summary>What the tenant asks for.</summary>
    [JsonPropertyName("spec")]
    public ApiDefinitionSpec Spec { get; set; } = new() { Hosts = [], Routes = [] };

    /// <summary>What the controller observed; written only by the leader, through the status subresource.</summary>
    [JsonPropertyName("status")]
    public ApiDefinitionStatus? Status { get; set; }
}

using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>A page of <see cref="V1Alpha1APIDefinition"/>s, as LIST and WATCH return them.</summary>
/// <remarks>Mutable for the same reason as the item type: the client's list interfaces require setters.</remarks>
[KubernetesEntity(Group = V1Alpha1APIDefinition.KubeGroup, Kind = "APIDefinitionList", ApiVersion = V1Alpha1APIDefinition.KubeApiVersion,
    PluralName = V1Alpha1APIDefinition.KubePluralName)]
public sealed class V1Alpha1APIDefinitionList : IKubernetesObject<V1ListMeta>, IItems<V1Alpha1APIDefinition>
{
    /// <summary><c>gateway.example.com/v1alpha1</c>.</summary>
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = V1Alpha1APIDefinition.KubeGroup + "/" + V1Alpha1APIDefinition.KubeApiVersion;

    /// <summary><c>APIDefinitionList</c>.</summary>
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "APIDefinitionList";

    /// <summary>The list's resourceVersion, from which a watch resumes.</summary>
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <summary>The items of this page.</summary>
    [JsonPropertyName("items")]
    public IList<V1Alpha1APIDefinition> Items { get; set; } = [];
}

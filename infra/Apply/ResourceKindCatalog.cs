using System.Reflection;
using k8s.Models;

namespace Gateway.Infra.Apply;

/// <summary>
/// The kinds the applier knows, in apply order: things others depend on first, so that a CRD is
/// established before anything uses it and a ServiceAccount exists before the Deployment that runs as it.
/// </summary>
public static class ResourceKindCatalog
{
    /// <summary>Every known kind, ordered by <see cref="ResourceKind.Rank"/>.</summary>
    public static IReadOnlyList<ResourceKind> All { get; } =
    [
        new("", "v1", "Namespace", "namespaces", Namespaced: false, Rank: 0),
        new("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", Namespaced: false, Rank: 1),
        new("", "v1", "ServiceAccount", "serviceaccounts", Namespaced: true, Rank: 2),
        new("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", Namespaced: false, Rank: 3),
        new("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", Namespaced: false, Rank: 4),
        new("rbac.authorization.k8s.io", "v1", "Role", "roles", Namespaced: true, Rank: 5),
        new("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", Namespaced: true, Rank: 6),
        new("", "v1", "Secret", "secrets", Namespaced: true, Rank: 7),
        new("", "v1", "ConfigMap", "configmaps", Namespaced: true, Rank: 8),
        new("", "v1", "Service", "services", Namespaced: true, Rank: 9),
        new("apps", "v1", "Deployment", "deployments", Namespaced: true, Rank: 10),
        new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", Namespaced: true, Rank: 11),
        new("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", Namespaced: true, Rank: 12),
        new("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", Namespaced: true, Rank: 13),
    ];

    /// <summary>The Secret kind, which is also the ApplySet parent's kind.</summary>
    public static ResourceKind Secret { get; } = All.Single(k => k.Kind == "Secret");

    /// <summary>Finds a known kind by <c>apiVersion</c> and <c>kind</c>.</summary>
    public static ResourceKind? Find(string apiVersion, string kind) => All.FirstOrDefault(k => k.ApiVersion == apiVersion && k.Kind == kind);

    /// <summary>Finds a known kind by its ApplySet spelling (<c>Deployment.apps</c>).</summary>
    public static ResourceKind? FindByGroupKind(string groupKind) => All.FirstOrDefault(k => k.GroupKind == groupKind);

    /// <summary>
    /// Describes a kind the catalog does not list (a custom resource, say) from the model's <c>[KubernetesEntity]</c>
    /// attribute. It is applied after every known kind; namespaced when the object names a namespace.
    /// </summary>
    public static ResourceKind? FromEntity(Type modelType, bool namespaced)
    {
        var entity = modelType.GetCustomAttribute<KubernetesEntityAttribute>();
        return entity is null || string.IsNullOrEmpty(entity.PluralName)
            ? null
            : new ResourceKind(entity.Group ?? "", entity.ApiVersion, entity.Kind, entity.PluralName, namespaced, Rank: All.Count);
    }
}

namespace Gateway.Infra.Apply;

/// <summary>A Kubernetes kind as the applier needs it: where its REST path lives, whether it is namespaced, and its place in apply order.</summary>
/// <param name="Group">API group; empty for the core group.</param>
/// <param name="Version">API version.</param>
/// <param name="Kind">Kind, for example <c>Deployment</c>.</param>
/// <param name="Plural">Plural resource name used in the REST path, for example <c>deployments</c>.</param>
/// <param name="Namespaced">False for cluster-scoped kinds (CRD, ClusterRole, ClusterRoleBinding, Namespace).</param>
/// <param name="Rank">Position in apply order; destroy and prune go from the highest rank down.</param>
public sealed record ResourceKind(string Group, string Version, string Kind, string Plural, bool Namespaced, int Rank)
{
    /// <summary>The <c>apiVersion</c>: <c>group/version</c>, or the version alone for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>The ApplySet spelling of the kind: <c>Deployment.apps</c>, or <c>ConfigMap</c> for the core group.</summary>
    public string GroupKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    /// <summary>True for CustomResourceDefinitions, which up waits on and destroy keeps unless asked.</summary>
    public bool IsCrd => Group == "apiextensions.k8s.io" && Kind == "CustomResourceDefinition";
}

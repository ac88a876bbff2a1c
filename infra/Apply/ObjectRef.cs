namespace Gateway.Infra.Apply;

/// <summary>Identifies one object: its kind, namespace (null when cluster-scoped) and name.</summary>
public sealed record ObjectRef(ResourceKind Kind, string? Namespace, string Name)
{
    /// <summary>True when <paramref name="other"/> names the same object, whatever version either was read at.</summary>
    public bool SameObject(ObjectRef other) => Kind.GroupKind == other.Kind.GroupKind && Namespace == other.Namespace && Name == other.Name;

    /// <summary>How the object is named in output: <c>Deployment gw/apigw</c>, <c>ClusterRole apigw-reader</c>.</summary>
    public override string ToString() => Namespace is null ? $"{Kind.Kind} {Name}" : $"{Kind.Kind} {Namespace}/{Name}";
}

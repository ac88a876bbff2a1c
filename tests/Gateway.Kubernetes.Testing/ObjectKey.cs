namespace Gateway.Kubernetes.Testing;

/// <summary>Identifies one stored object: its resource, namespace (empty when cluster-scoped) and name.</summary>
public sealed record ObjectKey(ResourceType Type, string Namespace, string Name)
{
    /// <inheritdoc/>
    public override string ToString() => Namespace.Length == 0 ? $"{Type} {Name}" : $"{Type} {Namespace}/{Name}";
}

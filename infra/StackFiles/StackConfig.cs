namespace Gateway.Infra.StackFiles;

/// <summary>One deployment target of the gateway (Pulumi's "stack"): where it runs, which image, how big, how it is reached.</summary>
/// <remarks>Checked by <see cref="StackValidator"/>, so every value here is usable as is; object definitions never re-check.</remarks>
public sealed record StackConfig
{
    /// <summary>The stack's name: the file name without <c>.json</c>, and the <c>app.kubernetes.io/instance</c> label.</summary>
    public required string Name { get; init; }

    /// <summary>The namespace of every namespaced object.</summary>
    public required string Namespace { get; init; }

    /// <summary>Whether the stack owns (creates and destroys) its namespace.</summary>
    public required bool CreateNamespace { get; init; }

    /// <summary>The gateway image, with a tag and optionally a digest.</summary>
    public required ImageReference Image { get; init; }

    /// <summary>The autoscaler's bounds and target.</summary>
    public required ReplicaBounds Replicas { get; init; }

    /// <summary>Requests and limits of the gateway container.</summary>
    public required ResourceSettings Resources { get; init; }

    /// <summary><c>ClusterIP</c>, <c>NodePort</c> or <c>LoadBalancer</c>.</summary>
    public required string ServiceType { get; init; }

    /// <summary>Public host names of the gateway; published for external-dns on a LoadBalancer Service.</summary>
    public required IReadOnlyList<string> Hosts { get; init; }

    /// <summary><c>host:port</c> of the Redis used by global rate limits, or null when the stack has none.</summary>
    public string? Redis { get; init; }

    /// <summary>Namespaces whose pods (Prometheus) may reach the admin port.</summary>
    public required IReadOnlyList<string> MonitoringNamespaces { get; init; }
}

namespace Gateway.Infra.StackFiles;

/// <summary>The JSON shape of <c>infra/stacks/NAME.json</c>, as written: every member optional so the validator can say what is missing.</summary>
internal sealed record StackFile
{
    /// <summary>See <see cref="StackConfig.Namespace"/>.</summary>
    public string? Namespace { get; init; }

    /// <summary>See <see cref="StackConfig.CreateNamespace"/>; true when absent.</summary>
    public bool? CreateNamespace { get; init; }

    /// <summary>See <see cref="StackConfig.Image"/>.</summary>
    public string? Image { get; init; }

    /// <summary>See <see cref="StackConfig.Replicas"/>.</summary>
    public StackFileReplicas? Replicas { get; init; }

    /// <summary>See <see cref="StackConfig.Resources"/>.</summary>
    public StackFileResources? Resources { get; init; }

    /// <summary>See <see cref="StackConfig.ServiceType"/>; <c>ClusterIP</c> when absent.</summary>
    public string? ServiceType { get; init; }

    /// <summary>See <see cref="StackConfig.Hosts"/>.</summary>
    public IReadOnlyList<string>? Hosts { get; init; }

    /// <summary>See <see cref="StackConfig.Redis"/>.</summary>
    public string? Redis { get; init; }

    /// <summary>See <see cref="StackConfig.MonitoringNamespaces"/>.</summary>
    public IReadOnlyList<string>? MonitoringNamespaces { get; init; }
}

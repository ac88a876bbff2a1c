namespace Gateway.Infra.StackFiles;

/// <summary>The gateway container's resource requests and limits, as Kubernetes quantities (<c>250m</c>, <c>256Mi</c>).</summary>
/// <remarks>A CPU limit is optional and usually left out: CFS throttling adds tail latency to a proxy.</remarks>
public sealed record ResourceSettings
{
    /// <summary>The CPU request; the autoscaler's utilisation is measured against it.</summary>
    public required string CpuRequest { get; init; }

    /// <summary>The memory request.</summary>
    public required string MemoryRequest { get; init; }

    /// <summary>The CPU limit, or null for none.</summary>
    public string? CpuLimit { get; init; }

    /// <summary>The memory limit; required, because an unbounded proxy can take a node down with it.</summary>
    public required string MemoryLimit { get; init; }
}

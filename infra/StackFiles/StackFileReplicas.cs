namespace Gateway.Infra.StackFiles;

/// <summary>The <c>replicas</c> object of a stack file.</summary>
internal sealed record StackFileReplicas
{
    /// <summary>See <see cref="ReplicaBounds.Min"/>.</summary>
    public int? Min { get; init; }

    /// <summary>See <see cref="ReplicaBounds.Max"/>.</summary>
    public int? Max { get; init; }

    /// <summary>See <see cref="ReplicaBounds.CpuUtilization"/>; 70 when absent.</summary>
    public int? CpuUtilization { get; init; }
}

namespace Gateway.Infra.StackFiles;

/// <summary>How far the HorizontalPodAutoscaler may scale the gateway, and the CPU utilisation it aims for.</summary>
public sealed record ReplicaBounds
{
    /// <summary>The fewest pods; at least 2, so one pod can drain or be evicted while another serves.</summary>
    public required int Min { get; init; }

    /// <summary>The most pods; at least <see cref="Min"/>.</summary>
    public required int Max { get; init; }

    /// <summary>Average CPU utilisation, in percent of the request, above which the autoscaler adds pods.</summary>
    public required int CpuUtilization { get; init; }
}

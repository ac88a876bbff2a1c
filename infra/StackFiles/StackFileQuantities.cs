namespace Gateway.Infra.StackFiles;

/// <summary>A <c>{cpu, memory}</c> pair of Kubernetes quantities in a stack file.</summary>
internal sealed record StackFileQuantities
{
    /// <summary>CPU, e.g. <c>250m</c>.</summary>
    public string? Cpu { get; init; }

    /// <summary>Memory, e.g. <c>256Mi</c>.</summary>
    public string? Memory { get; init; }
}

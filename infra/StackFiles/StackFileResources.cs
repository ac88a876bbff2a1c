namespace Gateway.Infra.StackFiles;

/// <summary>The <c>resources</c> object of a stack file, shaped like a container's <c>resources</c>.</summary>
internal sealed record StackFileResources
{
    /// <summary>The requests.</summary>
    public StackFileQuantities? Requests { get; init; }

    /// <summary>The limits.</summary>
    public StackFileQuantities? Limits { get; init; }
}

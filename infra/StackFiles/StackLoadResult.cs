namespace Gateway.Infra.StackFiles;

/// <summary>A loaded stack, or the reasons it could not be loaded, each a complete line for the user.</summary>
public sealed record StackLoadResult
{
    /// <summary>The checked stack, or null when <see cref="Errors"/> is not empty.</summary>
    public StackConfig? Stack { get; init; }

    /// <summary>One line per problem: <c>infra/stacks/dev.json: error: image is required; …</c>.</summary>
    public required IReadOnlyList<string> Errors { get; init; }
}

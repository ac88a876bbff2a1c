using Gateway.Dsl.Text;

namespace Gateway.Dsl.Semantics;

/// <summary>One thing wrong with a <c>plugin</c> line: its code (GW0904-GW0906), where it is, and the message.</summary>
public sealed record PluginProblem
{
    /// <summary>The diagnostic code.</summary>
    public required string Code { get; init; }

    /// <summary>The plugin's name or the offending arguments.</summary>
    public required TextSpan Span { get; init; }

    /// <summary>What is wrong and what to write instead.</summary>
    public required string Message { get; init; }
}

namespace Gateway.Infra.Commands;

/// <summary>The outcome of parsing arguments: a command line, a request for help, or one error message.</summary>
public sealed record CommandLineParseResult
{
    /// <summary>The parsed command line, or null on help or error.</summary>
    public CommandLine? CommandLine { get; init; }

    /// <summary>Whether <c>--help</c> (or no arguments) was given.</summary>
    public bool Help { get; init; }

    /// <summary>What is wrong with the arguments, or null.</summary>
    public string? Error { get; init; }
}

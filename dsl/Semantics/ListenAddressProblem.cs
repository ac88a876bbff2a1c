namespace Gateway.Dsl.Semantics;

/// <summary>What is wrong with a listener address, located inside its text.</summary>
public sealed record ListenAddressProblem
{
    /// <summary>The diagnostic code: <c>GW0208</c> (address) or <c>GW0209</c> (port).</summary>
    public required string Code { get; init; }

    /// <summary>Where the offending part starts, as an offset into the address text.</summary>
    public required int Start { get; init; }

    /// <summary>How many characters the offending part has.</summary>
    public required int Length { get; init; }

    /// <summary>What is wrong and what to write instead.</summary>
    public required string Message { get; init; }
}

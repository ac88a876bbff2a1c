using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>One <c>require</c> line: scopes or claim values the validated token must carry.</summary>
public sealed record ClaimRequirement
{
    /// <summary>The claim read: <c>scope</c> for scope requirements (space-separated, or <c>scp</c>), else the claim's name.</summary>
    public required string Claim { get; init; }

    /// <summary>The values listed.</summary>
    public required EquatableArray<string> Values { get; init; }

    /// <summary>Whether every value must be present (<c>require scope a b</c>) or one is enough.</summary>
    public required bool All { get; init; }

    /// <summary>Whether the claim is a scope list (<c>scope</c>/<c>scp</c>) rather than a plain claim.</summary>
    public required bool IsScope { get; init; }

    /// <summary>The requirement as a route file writes it, for logs and messages.</summary>
    public override string ToString() =>
        (IsScope ? (All ? "scope " : "any-scope ") : "claim " + Claim + " ") + string.Join(" ", Values);
}

using System.Text.Json.Nodes;

namespace Gateway.Infra.Apply;

/// <summary>The response of one API request: the returned object (or list) or a failure, never both.</summary>
public sealed record KubeResult(JsonObject? Value, KubeFailure? Failure)
{
    /// <summary>True for a 404, which callers usually treat as "absent" rather than an error.</summary>
    public bool IsNotFound => Failure?.Kind == FailureKind.NotFound;

    /// <summary>A success carrying <paramref name="value"/>.</summary>
    public static KubeResult Success(JsonObject value) => new(value, null);

    /// <summary>A failure.</summary>
    public static KubeResult Fail(KubeFailure failure) => new(null, failure);
}

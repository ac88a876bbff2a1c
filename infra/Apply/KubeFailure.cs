namespace Gateway.Infra.Apply;

/// <summary>A failed request as a value: its kind, the server's message and, for apply conflicts, who owns what.</summary>
/// <param name="Kind">The category the applier acts on.</param>
/// <param name="Message">The server's (or the transport's) message.</param>
/// <param name="StatusCode">The HTTP status, when there was a response.</param>
/// <param name="Conflicts">For an apply conflict: the fields and the managers owning them.</param>
public sealed record KubeFailure(FailureKind Kind, string Message, int? StatusCode, IReadOnlyList<FieldConflict> Conflicts)
{
    /// <summary>A failure without conflict details.</summary>
    public static KubeFailure Of(FailureKind kind, string message, int? statusCode = null) => new(kind, message, statusCode, []);
}

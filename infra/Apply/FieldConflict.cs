namespace Gateway.Infra.Apply;

/// <summary>One field another manager owns, from a 409 apply conflict's Status causes.</summary>
/// <param name="Manager">The other field manager, for example <c>kubectl-edit</c>.</param>
/// <param name="Field">The field path as the server prints it, for example <c>.spec.replicas</c>.</param>
public sealed record FieldConflict(string Manager, string Field);

namespace Gateway.Infra.Apply;

/// <summary>The result for one object: what happened, which fields changed, and an optional note for the reader.</summary>
public sealed record ObjectOutcome(ObjectRef Ref, OutcomeKind Kind, IReadOnlyList<FieldChange> Changes, string? Note = null);

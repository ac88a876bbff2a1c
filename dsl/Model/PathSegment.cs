namespace Gateway.Dsl.Model;

/// <summary>One segment of a path template.</summary>
public sealed record PathSegment
{
    /// <summary>Literal, parameter or catch-all.</summary>
    public required SegmentKind Kind { get; init; }

    /// <summary>The literal text, or the parameter's name (empty for an unnamed <c>**</c>).</summary>
    public required string Value { get; init; }

    /// <summary>The parameter's constraint; <see cref="ParameterConstraint.None"/> for literals and catch-alls.</summary>
    public required ParameterConstraint Constraint { get; init; }
}

namespace Gateway.Dsl.Model;

/// <summary>Constraints a path parameter can carry: <c>{id:int}</c>.</summary>
public enum ParameterConstraint
{
    /// <summary>No constraint: any non-empty segment.</summary>
    None,

    /// <summary><c>int</c>: an optional <c>-</c> and decimal digits that fit a 32-bit signed integer.</summary>
    Int,

    /// <summary><c>long</c>: an optional <c>-</c> and decimal digits that fit a 64-bit signed integer.</summary>
    Long,

    /// <summary><c>guid</c>: 32 hex digits in the 8-4-4-4-12 form, optionally in braces.</summary>
    Guid,

    /// <summary><c>alpha</c>: ASCII letters only.</summary>
    Alpha,
}

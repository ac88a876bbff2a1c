namespace Gateway.Dsl.Model;

/// <summary>The kinds of path-template segment, from most to least specific.</summary>
public enum SegmentKind
{
    /// <summary>Text that must equal the request segment exactly (case-sensitive).</summary>
    Literal,

    /// <summary><c>{name}</c> or <c>{name:constraint}</c>: one non-empty segment, captured.</summary>
    Parameter,

    /// <summary><c>**</c> or <c>{**name}</c>: zero or more remaining segments, captured as one value.</summary>
    CatchAll,
}

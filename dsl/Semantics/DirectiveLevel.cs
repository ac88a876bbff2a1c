namespace Gateway.Dsl.Semantics;

/// <summary>Where a directive may appear.</summary>
internal enum DirectiveLevel
{
    /// <summary>Outside any block.</summary>
    TopLevel,

    /// <summary>Inside <c>upstream NAME { … }</c>.</summary>
    Upstream,

    /// <summary>Inside <c>route NAME { … }</c>.</summary>
    Route,
}

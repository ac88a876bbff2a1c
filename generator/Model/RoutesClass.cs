namespace Gateway.Generator.Model;

/// <summary>What the emitter needs to know of a class marked <c>[GeneratedRoutes("routes.gw")]</c>: names and flags only.</summary>
internal sealed record RoutesClass
{
    /// <summary>The containing namespace, or null for the global namespace.</summary>
    public required string? Namespace { get; init; }

    /// <summary>The class name.</summary>
    public required string Name { get; init; }

    /// <summary>The declared accessibility as a keyword: <c>public</c> or <c>internal</c>.</summary>
    public required string Accessibility { get; init; }

    /// <summary>Whether the class is <c>static</c>; every part must then say so.</summary>
    public required bool IsStatic { get; init; }

    /// <summary>The route file named by the attribute, e.g. <c>routes.gw</c>; null when the argument is not a string.</summary>
    public required string? FileName { get; init; }

    /// <summary>How the class declares <c>Match</c>.</summary>
    public required MatchDeclaration Match { get; init; }

    /// <summary>The accessibility keyword of a declared partial <c>Match</c>; <c>public</c> when the emitter declares it.</summary>
    public required string MatchAccessibility { get; init; }

    /// <summary>Why the class cannot receive generated code (GW0903), or null when it can.</summary>
    public required string? ShapeProblem { get; init; }

    /// <summary>Where the attribute is written, for class-level diagnostics.</summary>
    public required LocationInfo AttributeLocation { get; init; }
}

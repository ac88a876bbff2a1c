namespace Gateway.Generator;

/// <summary>The tracking names of the generator's pipeline steps, so incremental tests can ask how each step ran.</summary>
internal static class StepNames
{
    /// <summary>Each <c>*.gw</c> AdditionalFile read into plain strings.</summary>
    public const string RouteFileTexts = nameof(RouteFileTexts);

    /// <summary>Each route file lexed, parsed, checked and planned.</summary>
    public const string ParsedRouteFiles = nameof(ParsedRouteFiles);

    /// <summary>Each class marked <c>[GeneratedRoutes]</c>, reduced to names and flags.</summary>
    public const string RoutesClasses = nameof(RoutesClasses);

    /// <summary>Each marked class paired with the route file it names.</summary>
    public const string RoutesTargets = nameof(RoutesTargets);
}

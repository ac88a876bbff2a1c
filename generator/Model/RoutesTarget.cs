namespace Gateway.Generator.Model;

/// <summary>A <c>[GeneratedRoutes]</c> class paired with the route file it names: the emitter's whole input.</summary>
internal sealed record RoutesTarget
{
    /// <summary>The class to complete.</summary>
    public required RoutesClass Class { get; init; }

    /// <summary>The named route file, or null when no AdditionalFile has that name (GW0901).</summary>
    public required ParsedRouteFile? File { get; init; }
}

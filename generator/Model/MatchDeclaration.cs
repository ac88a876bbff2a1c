namespace Gateway.Generator.Model;

/// <summary>How a <c>[GeneratedRoutes]</c> class declares <c>Match</c>, which decides what the emitter writes.</summary>
internal enum MatchDeclaration
{
    /// <summary>No member named <c>Match</c>: the emitter declares the method itself.</summary>
    None,

    /// <summary><c>static partial RouteMatch Match(in RouteRequest request);</c>: the emitter writes its body.</summary>
    Partial,

    /// <summary>A <c>Match</c> member of another shape: reported as GW0903, nothing emitted.</summary>
    Mismatched,
}

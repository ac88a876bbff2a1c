using System.Runtime.CompilerServices;

namespace Gateway.Routing;

/// <summary>Inline storage for a match's captures, so a <see cref="RouteMatch"/> needs no heap memory.</summary>
[InlineArray(RouteMatch.MaxCaptures)]
public struct CaptureBuffer
{
    private CaptureRange _element0;
}

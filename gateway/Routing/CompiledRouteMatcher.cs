namespace Gateway.Routing;

/// <summary>An <see cref="IRouteMatcher"/> over a generated static <c>Match</c>: <c>new CompiledRouteMatcher(Routes.Match)</c>.</summary>
/// <remarks>
/// The generated router is a static method (like a <c>[GeneratedRegex]</c> member), so it needs an adapter to stand
/// where the interpreted matcher stands. The delegate is created once, with the matcher; each call is one delegate
/// invocation and allocates nothing.
/// </remarks>
public sealed class CompiledRouteMatcher : IRouteMatcher
{
    private readonly MatchFunction _match;

    /// <summary>Wraps <paramref name="match"/>, a generated <c>Match</c> method.</summary>
    public CompiledRouteMatcher(MatchFunction match)
    {
        ArgumentNullException.ThrowIfNull(match);
        _match = match;
    }

    /// <summary>The shape of a generated <c>Match</c>: <c>static RouteMatch Match(in RouteRequest request)</c>.</summary>
    /// <remarks>A delegate type of its own because <c>Func</c> cannot take an <c>in</c> parameter.</remarks>
    public delegate RouteMatch MatchFunction(in RouteRequest request);

    /// <inheritdoc/>
    public RouteMatch Match(in RouteRequest request) => _match(in request);
}

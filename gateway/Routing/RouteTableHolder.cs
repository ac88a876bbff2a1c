namespace Gateway.Routing;

/// <summary>The one reference to the route table in use; reloads swap it atomically.</summary>
/// <remarks>
/// Readers call <see cref="Current"/> once per request and keep what they got. A reload builds a whole new snapshot
/// first and calls <see cref="Swap"/> only when it is good, so a bad route file never replaces a working table.
/// The old snapshot is not disposed here: requests that started on it may still be running.
/// </remarks>
public sealed class RouteTableHolder
{
    private volatile RouteTableSnapshot? _current;

    /// <summary>The snapshot in use, or null before the first table is loaded.</summary>
    public RouteTableSnapshot? Current => _current;

    /// <summary>Whether a route table is loaded (readiness).</summary>
    public bool IsLoaded => _current is not null;

    /// <summary>Makes <paramref name="next"/> current and signals the previous snapshot's change token.</summary>
    public void Swap(RouteTableSnapshot next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var previous = Interlocked.Exchange(ref _current, next);
        previous?.MarkReplaced();
    }
}

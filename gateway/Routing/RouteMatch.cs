using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gateway.Routing;

/// <summary>The result of matching: the route's index in the table and its captured values as ranges into the path.</summary>
/// <remarks>A value type with inline capture storage: matching allocates nothing.</remarks>
public struct RouteMatch
{
    /// <summary>The most captures a route may have: the checker's limit, which rejects more (GW0218).</summary>
    public const int MaxCaptures = Gateway.Dsl.Model.PathTemplate.MaxCaptures;

    private CaptureBuffer _captures;

    /// <summary>No route matched.</summary>
    public static RouteMatch None => new() { RouteIndex = -1 };

    /// <summary>The matched route's index in the table, or -1.</summary>
    public int RouteIndex { get; private set; }

    /// <summary>How many captures the route has.</summary>
    public int CaptureCount { get; private set; }

    /// <summary>Whether a route matched.</summary>
    public readonly bool Success => RouteIndex >= 0;

    /// <summary>The range of capture <paramref name="index"/> (path order).</summary>
    public readonly CaptureRange GetCapture(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)CaptureCount, nameof(index));
        return _captures[index];
    }

    /// <summary>The text of capture <paramref name="index"/> within <paramref name="path"/>.</summary>
    public readonly ReadOnlySpan<char> GetCaptureText(int index, ReadOnlySpan<char> path)
    {
        var range = GetCapture(index);
        return path.Slice(range.Start, range.Length);
    }

    /// <summary>A match of route <paramref name="routeIndex"/> with no captures yet; the generated router adds them with
    /// <see cref="Capture"/> and <see cref="CaptureRest"/> from the segments it has already read.</summary>
    public static RouteMatch Create(int routeIndex) => new() { RouteIndex = routeIndex };

    /// <summary>Adds <paramref name="segment"/>, a slice of <paramref name="path"/>, as the next capture.</summary>
    /// <exception cref="ArgumentException"><paramref name="segment"/> does not lie within <paramref name="path"/>.</exception>
    public void Capture(ReadOnlySpan<char> path, ReadOnlySpan<char> segment)
    {
        // Where the slice starts, from the two references: no scan, and no unsafe code.
        var offset = Unsafe.ByteOffset(ref MemoryMarshal.GetReference(path), ref MemoryMarshal.GetReference(segment)) / sizeof(char);
        if (offset < 0 || offset + segment.Length > path.Length)
        {
            throw new ArgumentException("The segment is not a slice of the path.", nameof(segment));
        }

        _captures[CaptureCount++] = new CaptureRange((int)offset, segment.Length);
    }

    /// <summary>Adds <paramref name="range"/> as the next capture (the interpreted router's recorded segments).</summary>
    internal void Capture(CaptureRange range) => _captures[CaptureCount++] = range;

    /// <summary>Adds the rest of <paramref name="path"/> from <paramref name="start"/> (a catch-all; empty past the end) as the next capture.</summary>
    public void CaptureRest(ReadOnlySpan<char> path, int start)
    {
        start = Math.Min(start, path.Length);
        _captures[CaptureCount++] = new CaptureRange(start, path.Length - start);
    }
}

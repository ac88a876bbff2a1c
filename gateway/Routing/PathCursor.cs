namespace Gateway.Routing;

/// <summary>Walks a request path segment by segment; the one definition of "segment" that both matchers share.</summary>
/// <remarks>
/// A single trailing slash is ignored (<c>/users/</c> reads as <c>/users</c>), <c>/</c> has no segments, and empty
/// segments (<c>/a//b</c>) are kept as empty text, which only a catch-all matches.
/// </remarks>
public static class PathCursor
{
    /// <summary>The position of the first segment's first character.</summary>
    public const int Start = 1;

    /// <summary>The offset where segments end: the path's length less one trailing slash; 0 for <c>/</c> and empty paths.</summary>
    public static int EffectiveEnd(ReadOnlySpan<char> path)
    {
        var end = path.Length;
        if (end > 1 && path[end - 1] == '/')
        {
            end--;
        }

        return end <= 1 ? 0 : end;
    }

    /// <summary>Whether <paramref name="path"/> ends in a slash that is not the root's: what an exact route refuses.</summary>
    public static bool HasTrailingSlash(ReadOnlySpan<char> path) => path.Length > 1 && path[^1] == '/';

    /// <summary>Whether every segment has been read.</summary>
    public static bool AtEnd(int pos, int end) => pos > end;

    /// <summary>Reads the segment at <paramref name="pos"/> and moves past it; false when the path has no more segments.</summary>
    /// <remarks>
    /// Segments are short (most under 16 characters), so the slash is looked for with a plain loop first: the
    /// vectorized <c>IndexOf</c> costs more to set up than it saves on a few characters, and a profile of the generated
    /// router showed half its time inside it. Past <see cref="ScalarScanLength"/> characters (GUIDs, long slugs) the
    /// vectorized search takes over.
    /// </remarks>
    public static bool TryNext(ReadOnlySpan<char> path, int end, scoped ref int pos, out ReadOnlySpan<char> segment)
    {
        if (pos > end)
        {
            segment = default;
            return false;
        }

        var rest = path.Slice(pos, end - pos);
        var length = 0;
        var scalarEnd = Math.Min(rest.Length, ScalarScanLength);
        while (length < scalarEnd && rest[length] != '/')
        {
            length++;
        }

        if (length == ScalarScanLength && length < rest.Length)
        {
            var slash = rest[length..].IndexOf('/');
            length = slash < 0 ? rest.Length : length + slash;
        }

        segment = rest[..length];
        pos += length + 1;
        return true;
    }

    /// <summary>How many characters <see cref="TryNext"/> checks one by one before it switches to a vectorized search.</summary>
    private const int ScalarScanLength = 16;
}

namespace Gateway.Routing;

/// <summary>Normalizes the Host header for matching: port removed, one trailing dot removed, ASCII lower case.</summary>
public static class HostName
{
    /// <summary>The longest host name matched (DNS allows 253 characters); longer hosts match only host-less routes.</summary>
    public const int MaxLength = 255;

    /// <summary>Writes the normalized form of <paramref name="host"/> into <paramref name="buffer"/> and returns it; empty when unusable.</summary>
    public static ReadOnlySpan<char> Normalize(ReadOnlySpan<char> host, Span<char> buffer)
    {
        // Strip the port: after the closing bracket of an IPv6 literal, else after the last colon.
        var bracket = host.LastIndexOf(']');
        var colon = host.LastIndexOf(':');
        if (colon > bracket && (bracket >= 0 || host.IndexOf(':') == colon))
        {
            host = host[..colon];
        }

        if (host.Length > 0 && host[^1] == '.')
        {
            host = host[..^1];
        }

        if (host.Length == 0 || host.Length > buffer.Length)
        {
            return default;
        }

        var written = host.ToLowerInvariant(buffer);
        return written < 0 ? default : buffer[..written];
    }

    /// <summary>Whether <paramref name="host"/> (normalized) ends with the wildcard <paramref name="suffix"/> (<c>.example.org</c>) and has at least one label before it.</summary>
    public static bool MatchesWildcard(ReadOnlySpan<char> host, string suffix) =>
        host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.Ordinal);
}

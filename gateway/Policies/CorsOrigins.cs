namespace Gateway.Policies;

/// <summary>The origins a <c>cors</c> block allows, ready to test a request's <c>Origin</c> header against: exact
/// (<c>https://app.example.com</c>), every subdomain (<c>https://*.example.com</c>), or any (<c>*</c>).</summary>
/// <remarks>An origin is <c>scheme://host[:port]</c> as the Fetch standard serializes it
/// (https://fetch.spec.whatwg.org/#origin-header). Scheme and host compare case-insensitively; the port must be the
/// same, and is absent in both when it is the scheme's default, because browsers omit a default port. Testing
/// allocates nothing.</remarks>
public sealed class CorsOrigins
{
    private readonly string[] _exact;

    // A wildcard origin split at its '*': the scheme part ("https://") and the suffix (".example.com" or ".example.com:8443").
    private readonly (string Scheme, string Suffix)[] _subdomains;

    /// <summary>Prepares <paramref name="origins"/>, as the checker wrote them (lower case).</summary>
    public CorsOrigins(IEnumerable<string> origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        var exact = new List<string>();
        var subdomains = new List<(string, string)>();
        foreach (var origin in origins)
        {
            var star = origin.IndexOf("://*.", StringComparison.Ordinal);
            if (origin == "*")
            {
                AllowsAny = true;
            }
            else if (star >= 0)
            {
                subdomains.Add((origin[..(star + 3)], origin[(star + 4)..]));
            }
            else
            {
                exact.Add(origin);
            }
        }

        _exact = exact.ToArray();
        _subdomains = subdomains.ToArray();
    }

    /// <summary>Whether the block lists <c>*</c>: every origin is allowed.</summary>
    public bool AllowsAny { get; }

    /// <summary>Whether a request from <paramref name="origin"/> (an <c>Origin</c> header's value) is allowed.</summary>
    public bool Allows(ReadOnlySpan<char> origin)
    {
        if (origin.IsEmpty)
        {
            return false;
        }

        if (AllowsAny)
        {
            return true;
        }

        foreach (var exact in _exact)
        {
            if (origin.Equals(exact, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var (scheme, suffix) in _subdomains)
        {
            if (origin.Length > scheme.Length + suffix.Length
                && origin.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
                && origin.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && IsLabels(origin[scheme.Length..^suffix.Length]))
            {
                return true;
            }
        }

        return false;
    }

    // One or more DNS labels: "a" or "a.b", never empty between dots, so "https://x:1@.example.com" or
    // "https://evil.com/.example.com" cannot pass for a subdomain.
    private static bool IsLabels(ReadOnlySpan<char> labels)
    {
        if (labels[0] == '.' || labels[^1] == '.' || labels.IndexOf("..") >= 0)
        {
            return false;
        }

        foreach (var c in labels)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }
}

using Gateway.Dsl.Model;
using Microsoft.Extensions.Primitives;

namespace Gateway.Policies;

/// <summary>Reads a credential from where a <see cref="TokenSource"/> says it travels.</summary>
public static class TokenReader
{
    private const string BearerScheme = "Bearer";

    /// <summary>The credential, null when the request carries none, or empty when it carries one that cannot be used:
    /// the header sent twice, or <c>Bearer</c> without a credential.</summary>
    /// <remarks>A request whose <c>Authorization</c> header uses another scheme (<c>Basic …</c>) carries no bearer token;
    /// RFC 6750 §3.1 answers it with a challenge and no error code.</remarks>
    public static string? Read(HttpRequest request, TokenSource source)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        return source.Kind switch
        {
            TokenSourceKind.Bearer => Bearer(request.Headers[source.Name]),
            TokenSourceKind.Header => Single(request.Headers[source.Name]),
            TokenSourceKind.Cookie => Nonempty(request.Cookies[source.Name]),
            _ => Single(request.Query[source.Name]),
        };
    }

    // RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token; the scheme is case-insensitive (RFC 9110 §11.1).
    private static string? Bearer(StringValues values)
    {
        if (values.Count != 1)
        {
            return values.Count == 0 ? null : string.Empty;
        }

        var value = (values[0] ?? string.Empty).AsSpan().Trim();
        if (!value.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase)
            || (value.Length > BearerScheme.Length && value[BearerScheme.Length] != ' '))
        {
            // Another scheme ("Basic …", or "Bearerx…"), or nothing at all.
            return null;
        }

        return value[BearerScheme.Length..].Trim(' ').ToString();
    }

    // Two copies of one credential are ambiguous: which one would the upstream or a log believe?
    private static string? Single(StringValues values) => values.Count switch
    {
        0 => null,
        1 => values[0] is { Length: > 0 } value ? value.Trim() : null,
        _ => string.Empty,
    };

    private static string? Nonempty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

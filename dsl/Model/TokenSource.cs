namespace Gateway.Dsl.Model;

/// <summary>Where a credential travels: <c>Authorization: Bearer …</c>, a named header, a cookie or a query parameter.</summary>
public sealed record TokenSource
{
    /// <summary>The default for JWTs: the <c>Authorization</c> header with the <c>Bearer</c> scheme (RFC 6750).</summary>
    public static readonly TokenSource Bearer = new() { Kind = TokenSourceKind.Bearer, Name = "Authorization" };

    /// <summary>Which part of the request holds the credential.</summary>
    public required TokenSourceKind Kind { get; init; }

    /// <summary>The header, cookie or query parameter name.</summary>
    public required string Name { get; init; }

    /// <summary>The source as a route file writes it.</summary>
    public override string ToString() => Kind switch
    {
        TokenSourceKind.Bearer => "bearer",
        TokenSourceKind.Cookie => "cookie " + Name,
        TokenSourceKind.Query => "query " + Name,
        _ => "header " + Name,
    };
}

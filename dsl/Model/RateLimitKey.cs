namespace Gateway.Dsl.Model;

/// <summary>What a <see cref="RateLimit"/> counts requests by: <c>by client_ip</c>, <c>by header X-Tenant</c>.</summary>
public sealed record RateLimitKey
{
    /// <summary>The route as a whole: every request takes from one bucket.</summary>
    public static readonly RateLimitKey Route = new() { Kind = RateLimitKeyKind.Route };

    /// <summary>The part of the request the key is read from.</summary>
    public required RateLimitKeyKind Kind { get; init; }

    /// <summary>The header or claim name; null for the other kinds.</summary>
    public string? Name { get; init; }

    /// <summary>The key as a route file writes it after <c>by</c>.</summary>
    public override string ToString() => Kind switch
    {
        RateLimitKeyKind.ClientIp => "client_ip",
        RateLimitKeyKind.Header => "header " + Name,
        RateLimitKeyKind.Claim => "claim " + Name,
        RateLimitKeyKind.Consumer => "consumer",
        _ => "route",
    };
}

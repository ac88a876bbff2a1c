namespace Gateway.Dsl.Model;

/// <summary>What keeps a client on one side of a split: <c>sticky by header X-User</c>, <c>sticky by client_ip</c>.</summary>
public sealed record StickyKey
{
    /// <summary>The part of the request the key is read from.</summary>
    public required StickyKeyKind Kind { get; init; }

    /// <summary>The header, cookie or claim name; null for <see cref="StickyKeyKind.ClientIp"/>.</summary>
    public string? Name { get; init; }

    /// <summary>The key as a route file writes it after <c>sticky by</c>.</summary>
    public override string ToString() => Kind switch
    {
        StickyKeyKind.Header => "header " + Name,
        StickyKeyKind.Cookie => "cookie " + Name,
        StickyKeyKind.Claim => "claim " + Name,
        _ => "client_ip",
    };
}

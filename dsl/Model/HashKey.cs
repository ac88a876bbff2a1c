namespace Gateway.Dsl.Model;

/// <summary>What <c>balance hash</c> keeps together on one endpoint: <c>header NAME</c>, <c>cookie NAME</c> or
/// <c>client_ip</c>.</summary>
public sealed record HashKey
{
    /// <summary>The part of the request the key is read from.</summary>
    public required HashKeyKind Kind { get; init; }

    /// <summary>The header or cookie name; null for <see cref="HashKeyKind.ClientIp"/>.</summary>
    public string? Name { get; init; }

    /// <summary>The key as a route file writes it after <c>balance hash</c>.</summary>
    public override string ToString() => Kind switch
    {
        HashKeyKind.Header => "header " + Name,
        HashKeyKind.Cookie => "cookie " + Name,
        _ => "client_ip",
    };
}

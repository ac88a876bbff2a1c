using System;
using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>The checked <c>cors { … }</c> block (the Fetch standard's CORS protocol).</summary>
public sealed record CorsSettings
{
    /// <summary>Allowed origins: exact (<c>https://app.example.com</c>), wildcard subdomains (<c>https://*.example.com</c>),
    /// or <c>*</c>; lower case.</summary>
    public required EquatableArray<string> Origins { get; init; }

    /// <summary>Methods allowed in preflights.</summary>
    public required EquatableArray<string> Methods { get; init; }

    /// <summary>Request headers allowed in preflights (lower case).</summary>
    public required EquatableArray<string> Headers { get; init; }

    /// <summary>Response headers exposed to scripts.</summary>
    public required EquatableArray<string> ExposeHeaders { get; init; }

    /// <summary>Whether credentials (cookies, <c>Authorization</c>) may be sent; never together with origin <c>*</c>.</summary>
    public required bool Credentials { get; init; }

    /// <summary>How long a browser may cache a preflight, or null to send no <c>Access-Control-Max-Age</c>.</summary>
    public TimeSpan? MaxAge { get; init; }
}

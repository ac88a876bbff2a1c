namespace Gateway.Resources.ApiDefinitions;

/// <summary>The authentication schemes; member names are the wire values.</summary>
public enum AuthType
{
    /// <summary>No authentication (overrides an API-wide policy for one route).</summary>
    None,

    /// <summary>A key in a header, compared with the keys in a Secret.</summary>
    APIKey,

    /// <summary>A bearer JWT validated against the issuer's JWKS.</summary>
    JWT,
}

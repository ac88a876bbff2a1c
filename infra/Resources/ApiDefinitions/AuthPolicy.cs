using Gateway.Resources.Schema;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>How requests authenticate: not at all, with an API key, or with a JWT; exactly the matching block is set.</summary>
[ValidationRule("self.type == 'JWT' ? has(self.jwt) : !has(self.jwt)", "jwt must be set if and only if type is JWT")]
[ValidationRule("self.type == 'APIKey' ? has(self.apiKey) : !has(self.apiKey)", "apiKey must be set if and only if type is APIKey")]
public sealed record AuthPolicy
{
    /// <summary>Which scheme applies.</summary>
    public required AuthType Type { get; init; }

    /// <summary>API-key settings; set if and only if <see cref="Type"/> is <see cref="AuthType.APIKey"/>.</summary>
    public ApiKeyAuth? ApiKey { get; init; }

    /// <summary>JWT settings; set if and only if <see cref="Type"/> is <see cref="AuthType.JWT"/>.</summary>
    public JwtAuth? Jwt { get; init; }
}

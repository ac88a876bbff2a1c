using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Gateway.Resources.Schema;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>A token-bucket limit: <see cref="Requests"/> per <see cref="Per"/>, counted per client IP, API key or header value.</summary>
/// <remarks>Whether the count is per replica or shared through Redis is the gateway's setting, not the tenant's.</remarks>
[ValidationRule("!has(self.burst) || self.burst >= self.requests", "burst must be >= requests")]
[ValidationRule("self.key != 'Header' || has(self.header)", "header is required when key is Header")]
public sealed record RateLimitPolicy
{
    /// <summary>Requests allowed per period.</summary>
    [Range(1, 1000000)]
    public required int Requests { get; init; }

    /// <summary>The period.</summary>
    public required RateLimitPeriod Per { get; init; }

    /// <summary>The bucket size, at least <see cref="Requests"/>; unset means equal to it.</summary>
    [Range(0, 1000000)]
    public int? Burst { get; init; }

    /// <summary>What a bucket is counted by.</summary>
    [DefaultValue(RateLimitKey.ClientIP)]
    public RateLimitKey? Key { get; init; }

    /// <summary>The header whose value keys the bucket; required when <see cref="Key"/> is <see cref="RateLimitKey.Header"/>.</summary>
    [MaxLength(256)]
    public string? Header { get; init; }
}

using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Model;

/// <summary>The <c>redirect</c> action: a status and the parts of the request URL it replaces; the rest, and the query
/// string, come from the request.</summary>
public sealed record RedirectTarget
{
    /// <summary>301, 302, 303, 307 or 308.</summary>
    public required int Status { get; init; }

    /// <summary>The new scheme (<c>http</c> or <c>https</c>), or null to keep the request's.</summary>
    public string? Scheme { get; init; }

    /// <summary>The new host, or null to keep the request's.</summary>
    public string? Host { get; init; }

    /// <summary>The new port, or null to keep the request's (dropped when it is the new scheme's default).</summary>
    public int? Port { get; init; }

    /// <summary>The new path as template parts with captures, or empty to keep the request's path.</summary>
    public EquatableArray<TemplatePart> Path { get; init; } = EquatableArray<TemplatePart>.Empty;
}

namespace Gateway.Dsl.Model;

/// <summary>Where a <see cref="UpstreamPin"/> looks for its value.</summary>
public enum PinSource
{
    /// <summary>A request header, by name (case-insensitive).</summary>
    Header,

    /// <summary>A request cookie, by name (case-sensitive).</summary>
    Cookie,
}

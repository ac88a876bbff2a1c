namespace Gateway.Dsl.Model;

/// <summary>The choices of <c>host-header</c>.</summary>
public enum HostHeaderKind
{
    /// <summary>The <c>Host</c> the client sent.</summary>
    Client,

    /// <summary>The endpoint's own <c>host:port</c>.</summary>
    Endpoint,

    /// <summary>A fixed name from the route file.</summary>
    Fixed,
}

namespace Gateway.Dsl.Model;

/// <summary>The parts of a request a credential can be read from.</summary>
public enum TokenSourceKind
{
    /// <summary><c>Authorization: Bearer TOKEN</c>.</summary>
    Bearer,

    /// <summary>The whole value of a named header.</summary>
    Header,

    /// <summary>A named cookie.</summary>
    Cookie,

    /// <summary>A named query parameter.</summary>
    Query,
}

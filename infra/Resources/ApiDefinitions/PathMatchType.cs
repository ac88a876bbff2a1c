namespace Gateway.Resources.ApiDefinitions;

/// <summary>How a route's path is compared with the request path (Gateway API names).</summary>
public enum PathMatchType
{
    /// <summary>The request path equals the value.</summary>
    Exact,

    /// <summary>The request path starts with the value, on a segment boundary.</summary>
    PathPrefix,
}

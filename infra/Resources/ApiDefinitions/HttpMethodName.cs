namespace Gateway.Resources.ApiDefinitions;

/// <summary>The HTTP methods a route may list; member names are the wire values, hence upper case.</summary>
public enum HttpMethodName
{
    /// <summary>GET.</summary>
    GET,

    /// <summary>HEAD.</summary>
    HEAD,

    /// <summary>POST.</summary>
    POST,

    /// <summary>PUT.</summary>
    PUT,

    /// <summary>PATCH.</summary>
    PATCH,

    /// <summary>DELETE.</summary>
    DELETE,

    /// <summary>OPTIONS.</summary>
    OPTIONS,

    /// <summary>TRACE.</summary>
    TRACE,

    /// <summary>CONNECT.</summary>
    CONNECT,
}

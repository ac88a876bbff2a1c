namespace Gateway.Infra.Apply;

/// <summary>What went wrong with a request to the API server, as far as the applier acts on it.</summary>
public enum FailureKind
{
    /// <summary>404: the object (or its namespace or kind) does not exist.</summary>
    NotFound,

    /// <summary>409: a field-manager conflict, or an object changed underneath.</summary>
    Conflict,

    /// <summary>401 or 403: the credentials may not do this.</summary>
    Forbidden,

    /// <summary>400 or 422: the server rejected the object (validation, unknown field under Strict).</summary>
    Invalid,

    /// <summary>The server could not be reached at all (refused, DNS, TLS).</summary>
    Unreachable,

    /// <summary>A request or a wait took longer than allowed.</summary>
    Timeout,

    /// <summary>Anything else, such as a 5xx.</summary>
    ServerError,
}

namespace Gateway.Resources.ApiDefinitions;

/// <summary>Why a claim was lost; member names are the wire values.</summary>
public enum ConflictReason
{
    /// <summary>Another namespace owns the host.</summary>
    HostConflict,

    /// <summary>An older object in the same namespace has the same route key.</summary>
    RouteConflict,
}

namespace Gateway.Resources.ApiDefinitions;

/// <summary>The condition types and reasons an APIDefinition's status uses.</summary>
public static class ApiDefinitionConditions
{
    /// <summary>The object is valid and owns its hosts.</summary>
    public const string Accepted = "Accepted";

    /// <summary>Some routes were dropped (conflict or invalid) and the others serve.</summary>
    public const string PartiallyInvalid = "PartiallyInvalid";

    /// <summary>Every referenced Service and Secret exists and may be used.</summary>
    public const string ResolvedRefs = "ResolvedRefs";

    /// <summary>The leader's data plane serves this generation.</summary>
    public const string Programmed = "Programmed";
}

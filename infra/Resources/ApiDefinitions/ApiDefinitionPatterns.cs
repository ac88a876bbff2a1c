namespace Gateway.Resources.ApiDefinitions;

/// <summary>The regular expressions of the APIDefinition schema, shared by several members.</summary>
/// <remarks>ECMA-262 syntax, as the apiserver evaluates them; they are also valid .NET patterns for offline checks.</remarks>
public static class ApiDefinitionPatterns
{
    /// <summary>A host name, optionally with one leading <c>*.</c> (Gateway API <c>Hostname</c>).</summary>
    public const string Hostname = @"^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$";

    /// <summary>A DNS-1123 label, as route names are.</summary>
    public const string Dns1123Label = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>A DNS-1035 label, as Service names are.</summary>
    public const string Dns1035Label = "^[a-z]([-a-z0-9]*[a-z0-9])?$";

    /// <summary>An absolute path without query or fragment.</summary>
    public const string Path = @"^/[^?#\s]*$";

    /// <summary>A Gateway API <c>Duration</c>: <c>500ms</c>, <c>30s</c>, <c>1m30s</c>.</summary>
    public const string Duration = "^([0-9]{1,5}(h|m|s|ms)){1,4}$";
}

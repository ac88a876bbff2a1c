namespace Gateway.Kubernetes.Testing;

/// <summary>A REST resource: API group, version and plural name, as it appears in a URL.</summary>
/// <param name="Group">The API group; empty for the core group (<c>/api/v1</c>).</param>
/// <param name="Version">The API version, for example <c>v1</c>.</param>
/// <param name="Resource">The plural resource name, for example <c>deployments</c>.</param>
public sealed record ResourceType(string Group, string Version, string Resource)
{
    /// <summary>The <c>apiVersion</c> string: <c>group/version</c>, or just the version for the core group.</summary>
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    /// <summary>Builds a resource type from an <c>apiVersion</c> (<c>apps/v1</c>, <c>v1</c>) and a plural name.</summary>
    public static ResourceType Of(string apiVersion, string resource)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? new ResourceType("", apiVersion, resource)
            : new ResourceType(apiVersion[..slash], apiVersion[(slash + 1)..], resource);
    }

    /// <inheritdoc/>
    public override string ToString() => Group.Length == 0 ? $"{Resource}/{Version}" : $"{Resource}.{Group}/{Version}";
}

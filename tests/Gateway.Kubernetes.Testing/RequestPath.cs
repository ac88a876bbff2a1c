namespace Gateway.Kubernetes.Testing;

/// <summary>
/// A parsed Kubernetes REST path: <c>/api/v1[/namespaces/{ns}]/{resource}[/{name}[/{subresource}]]</c> or the same under
/// <c>/apis/{group}/{version}</c>.
/// </summary>
internal sealed record RequestPath(ResourceType Type, string Namespace, string? Name, string? Subresource)
{
    /// <summary>Parses <paramref name="path"/>; returns null for anything that is not a resource path (discovery, /version).</summary>
    public static RequestPath? TryParse(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string group, version;
        int rest;
        if (segments.Length >= 3 && segments[0] == "api")
        {
            (group, version, rest) = ("", segments[1], 2);
        }
        else if (segments.Length >= 4 && segments[0] == "apis")
        {
            (group, version, rest) = (segments[1], segments[2], 3);
        }
        else
        {
            return null;
        }

        var tail = segments[rest..];

        // "/namespaces/{ns}/{resource}..." is a namespaced path, except that "/namespaces/{name}[/status|/finalize]"
        // addresses the Namespace object itself.
        var namespaced = tail.Length >= 3 && tail[0] == "namespaces" && !(tail.Length == 3 && tail[2] is "status" or "finalize");
        if (namespaced)
        {
            return tail.Length > 5
                ? null
                : new RequestPath(new ResourceType(group, version, tail[2]), tail[1], At(tail, 3), At(tail, 4));
        }

        return tail.Length > 3
            ? null
            : new RequestPath(new ResourceType(group, version, tail[0]), "", At(tail, 1), At(tail, 2));
    }

    private static string? At(string[] segments, int index) => index < segments.Length ? Uri.UnescapeDataString(segments[index]) : null;
}

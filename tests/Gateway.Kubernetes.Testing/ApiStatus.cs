using System.Text.Json.Nodes;

namespace Gateway.Kubernetes.Testing;

/// <summary>Builds metav1 <c>Status</c> bodies the way the API server shapes its error responses.</summary>
public static class ApiStatus
{
    /// <summary>A failure Status with the given HTTP code, machine reason and human message.</summary>
    public static JsonObject Failure(int code, string reason, string message, JsonObject? details = null) => new()
    {
        ["kind"] = "Status",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject(),
        ["status"] = "Failure",
        ["message"] = message,
        ["reason"] = reason,
        ["details"] = details,
        ["code"] = code,
    };

    /// <summary>404: <c>configmaps "routes" not found</c>.</summary>
    public static JsonObject NotFound(ResourceType type, string name) => Failure(404, "NotFound", $"{Describe(type)} \"{name}\" not found",
        new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Resource });

    /// <summary>409 AlreadyExists for a create of an existing object.</summary>
    public static JsonObject AlreadyExists(ResourceType type, string name) => Failure(409, "AlreadyExists",
        $"{Describe(type)} \"{name}\" already exists", new JsonObject { ["name"] = name, ["group"] = type.Group, ["kind"] = type.Resource });

    /// <summary>400 BadRequest.</summary>
    public static JsonObject BadRequest(string message) => Failure(400, "BadRequest", message);

    // The server names resources as "deployments.apps" in messages; core resources have no group suffix.
    private static string Describe(ResourceType type) => type.Group.Length == 0 ? type.Resource : $"{type.Resource}.{type.Group}";
}

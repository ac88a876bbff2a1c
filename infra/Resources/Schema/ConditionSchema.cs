using k8s.Models;

namespace Gateway.Resources.Schema;

/// <summary>The schema of <c>metav1.Condition</c>, written out because <see cref="V1Condition"/> is a client type without bounds.</summary>
/// <remarks>Bounds and patterns are the upstream ones from <c>k8s.io/apimachinery/pkg/apis/meta/v1/types.go</c>.</remarks>
public static class ConditionSchema
{
    /// <summary>A new schema object each call, so callers may narrow it without affecting others.</summary>
    public static V1JSONSchemaProps Create() => new()
    {
        Type = "object",
        Required = ["type", "status", "lastTransitionTime", "reason", "message"],
        Properties = new Dictionary<string, V1JSONSchemaProps>
        {
            ["type"] = new()
            {
                Type = "string",
                MaxLength = 316,
                Pattern = @"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
            },
            ["status"] = new() { Type = "string", EnumProperty = ["True", "False", "Unknown"] },
            ["observedGeneration"] = new() { Type = "integer", Format = "int64", Minimum = 0 },
            ["lastTransitionTime"] = new() { Type = "string", Format = "date-time" },
            ["reason"] = new()
            {
                Type = "string",
                MinLength = 1,
                MaxLength = 1024,
                Pattern = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
            },
            ["message"] = new() { Type = "string", MaxLength = 32768 },
        },
    };
}

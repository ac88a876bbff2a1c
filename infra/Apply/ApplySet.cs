using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Gateway.Infra.Apply;

/// <summary>
/// ApplySet (KEP-3659) labels, annotations and the parent object. The parent records which kinds and namespaces the
/// stack has used, and every member carries <c>part-of: &lt;id&gt;</c>, so prune and destroy touch only this stack's
/// objects, never ones that merely share its <c>app.kubernetes.io</c> labels.
/// </summary>
public static class ApplySet
{
    /// <summary>Label on the parent: the ApplySet id.</summary>
    public const string IdLabel = "applyset.kubernetes.io/id";

    /// <summary>Label on every member: the id of the ApplySet it belongs to.</summary>
    public const string PartOfLabel = "applyset.kubernetes.io/part-of";

    /// <summary>Annotation on the parent naming the tool that manages the set; other tools must not change it.</summary>
    public const string ToolingAnnotation = "applyset.kubernetes.io/tooling";

    /// <summary>Annotation on the parent: the member kinds, <c>ConfigMap,Deployment.apps</c>, sorted.</summary>
    public const string GroupKindsAnnotation = "applyset.kubernetes.io/contains-group-kinds";

    /// <summary>Annotation on the parent: member namespaces other than the parent's own, sorted.</summary>
    public const string AdditionalNamespacesAnnotation = "applyset.kubernetes.io/additional-namespaces";

    /// <summary>This tool's name in the tooling annotation.</summary>
    public const string ToolName = "gateway-infra";

    /// <summary>The tooling annotation value, <c>&lt;tool&gt;/&lt;version&gt;</c>.</summary>
    public const string Tooling = ToolName + "/v1";

    /// <summary>The parent Secret's name for a stack.</summary>
    public static string ParentName(string stackName) => $"{stackName}-applyset";

    /// <summary>
    /// The id kubectl computes for a parent: <c>applyset-&lt;base64url(sha256("name.namespace.kind.group"))&gt;-v1</c>,
    /// unpadded, with an empty group for the core Secret kind.
    /// </summary>
    public static string ComputeId(string parentName, string @namespace, ResourceKind parentKind)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{parentName}.{@namespace}.{parentKind.Kind}.{parentKind.Group}"));
        var encoded = Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"applyset-{encoded}-v1";
    }

    /// <summary>The parent Secret's apply body with the given member kinds and namespaces.</summary>
    public static JsonObject ParentBody(ObjectRef parent, string id, IEnumerable<string> groupKinds, IEnumerable<string> additionalNamespaces)
    {
        var annotations = new JsonObject
        {
            [ToolingAnnotation] = Tooling,
            [GroupKindsAnnotation] = string.Join(",", groupKinds.Distinct().Order(StringComparer.Ordinal)),
        };
        var namespaces = additionalNamespaces.Distinct().Order(StringComparer.Ordinal).ToArray();
        if (namespaces.Length > 0)
        {
            annotations[AdditionalNamespacesAnnotation] = string.Join(",", namespaces);
        }

        return new JsonObject
        {
            ["apiVersion"] = parent.Kind.ApiVersion,
            ["kind"] = parent.Kind.Kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = parent.Name,
                ["namespace"] = parent.Namespace,
                ["labels"] = new JsonObject { [IdLabel] = id },
                ["annotations"] = annotations,
            },
        };
    }
}

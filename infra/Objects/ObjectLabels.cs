using Gateway.Infra.StackFiles;

namespace Gateway.Infra.Objects;

/// <summary>The <c>app.kubernetes.io</c> labels every object carries; the applier adds the ApplySet label at apply time.</summary>
public static class ObjectLabels
{
    /// <summary>The <c>managed-by</c> value: this program, which is also the server-side apply field manager.</summary>
    public const string ManagedBy = Gateway.Infra.Apply.ApplySet.ToolName;

    /// <summary>The component of the gateway's own objects (Deployment, Service, RBAC, …).</summary>
    public const string GatewayComponent = "gateway";

    /// <summary>The component of the APIDefinition CRD.</summary>
    public const string CrdComponent = "crd";

    /// <summary>The labels of an object of <paramref name="component"/>.</summary>
    public static Dictionary<string, string> For(StackConfig stack, string component) => new()
    {
        ["app.kubernetes.io/name"] = ObjectNames.App,
        ["app.kubernetes.io/instance"] = stack.Name,
        ["app.kubernetes.io/version"] = stack.Image.Tag,
        ["app.kubernetes.io/component"] = component,
        ["app.kubernetes.io/part-of"] = ObjectNames.App,
        ["app.kubernetes.io/managed-by"] = ManagedBy,
    };

    /// <summary>The labels that select the gateway's pods: name and instance only, because a selector is immutable and
    /// must not change when the version does.</summary>
    public static Dictionary<string, string> Selector(StackConfig stack) => new()
    {
        ["app.kubernetes.io/name"] = ObjectNames.App,
        ["app.kubernetes.io/instance"] = stack.Name,
    };
}

using Gateway.Resources.Schema;
using k8s.Models;

namespace Gateway.Resources.ApiDefinitions;

/// <summary>The <c>apidefinitions.gateway.example.com</c> CustomResourceDefinition, with its schema built from the C# types.</summary>
public static class ApiDefinitionCrd
{
    /// <summary>The CRD's name: <c>&lt;plural&gt;.&lt;group&gt;</c>, as the apiserver requires.</summary>
    public const string Name = V1Alpha1APIDefinition.KubePluralName + "." + V1Alpha1APIDefinition.KubeGroup;

    /// <summary>A new CRD object without labels; the caller adds the labels of whoever installs it.</summary>
    public static V1CustomResourceDefinition Create() => new()
    {
        ApiVersion = V1CustomResourceDefinition.KubeGroup + "/" + V1CustomResourceDefinition.KubeApiVersion,
        Kind = V1CustomResourceDefinition.KubeKind,
        Metadata = new V1ObjectMeta { Name = Name },
        Spec = new V1CustomResourceDefinitionSpec
        {
            Group = V1Alpha1APIDefinition.KubeGroup,

            // Namespaced: the namespace is the tenant, and namespace RBAC decides who may edit an API.
            Scope = "Namespaced",
            Names = new V1CustomResourceDefinitionNames
            {
                Kind = V1Alpha1APIDefinition.KubeKind,
                ListKind = "APIDefinitionList",
                Plural = V1Alpha1APIDefinition.KubePluralName,
                Singular = "apidefinition",
                ShortNames = ["apidef"],
                Categories = ["apigw"],
            },
            Versions = [Version()],
        },
    };

    /// <summary>The one served and stored version, with the status subresource so tenants cannot write status.</summary>
    private static V1CustomResourceDefinitionVersion Version() => new()
    {
        Name = V1Alpha1APIDefinition.KubeApiVersion,
        Served = true,
        Storage = true,
        Subresources = new V1CustomResourceSubresources { Status = new Dictionary<string, object>() },
        AdditionalPrinterColumns =
        [
            new() { Name = "Hosts", Type = "string", JsonPath = ".spec.hosts" },
            new() { Name = "Accepted", Type = "string", JsonPath = ConditionPath(ApiDefinitionConditions.Accepted, "status") },
            new() { Name = "Programmed", Type = "string", JsonPath = ConditionPath(ApiDefinitionConditions.Programmed, "status") },
            new() { Name = "Reason", Type = "string", Priority = 1, JsonPath = ConditionPath(ApiDefinitionConditions.Accepted, "reason") },
            new() { Name = "Age", Type = "date", JsonPath = ".metadata.creationTimestamp" },
        ],
        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = RootSchema() },
    };

    /// <summary>The top-level schema: spec and status from the C# records; apiVersion, kind and metadata are implied.</summary>
    public static V1JSONSchemaProps RootSchema() => new()
    {
        Type = "object",
        Required = ["spec"],
        Properties = new Dictionary<string, V1JSONSchemaProps>
        {
            ["spec"] = SchemaBuilder.For(typeof(ApiDefinitionSpec)),
            ["status"] = SchemaBuilder.For(typeof(ApiDefinitionStatus)),
        },
    };

    /// <summary>A JSONPath to one field of the condition of type <paramref name="type"/>.</summary>
    private static string ConditionPath(string type, string field) => $".status.conditions[?(@.type==\"{type}\")].{field}";
}

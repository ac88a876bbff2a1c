using Gateway.Infra.Apply;
using k8s;
using k8s.Models;

namespace Gateway.Infra.Tests.Apply;

/// <summary>Small hand-made stacks for the applier tests, independent of the real object builders.</summary>
internal static class TestStack
{
    /// <summary>The stack namespace.</summary>
    public const string Namespace = "gw";

    /// <summary>The CRD's name.</summary>
    public const string CrdName = "apidefinitions.gateway.example.com";

    /// <summary>The ApplySet id of stack "dev" in namespace "gw", computed outside .NET (Python hashlib) from "dev-applyset.gw.Secret.".</summary>
    public const string DevApplySetId = "applyset-e_WhUixzZBcu7ASziwFjpqCtevIsSOU4aowGTMCLc7k-v1";

    /// <summary>A stack named "dev" in namespace "gw" with the given objects.</summary>
    public static DesiredState State(params IKubernetesObject<V1ObjectMeta>[] objects) => new("dev", Namespace, objects);

    /// <summary>CRD, ClusterRole, ConfigMap, Deployment: one of each shape the applier handles.</summary>
    public static DesiredState Full(int replicas = 2) => State(Crd(), ClusterRole(), ConfigMap(), Deployment(replicas));

    /// <summary>A cluster-scoped CRD.</summary>
    public static V1CustomResourceDefinition Crd() => new()
    {
        ApiVersion = "apiextensions.k8s.io/v1",
        Kind = "CustomResourceDefinition",
        Metadata = new V1ObjectMeta { Name = CrdName, Labels = AppLabels() },
        Spec = new V1CustomResourceDefinitionSpec
        {
            Group = "gateway.example.com",
            Scope = "Namespaced",
            Names = new V1CustomResourceDefinitionNames { Kind = "APIDefinition", Plural = "apidefinitions", Singular = "apidefinition", ListKind = "APIDefinitionList" },
            Versions =
            [
                new V1CustomResourceDefinitionVersion
                {
                    Name = "v1alpha1", Served = true, Storage = true,
                    Schema = new V1CustomResourceValidation { OpenAPIV3Schema = new V1JSONSchemaProps { Type = "object", XKubernetesPreserveUnknownFields = true } },
                },
            ],
        },
    };

    /// <summary>A cluster-scoped ClusterRole.</summary>
    public static V1ClusterRole ClusterRole() => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRole",
        Metadata = new V1ObjectMeta { Name = "apigw-reader", Labels = AppLabels() },
        Rules = [new V1PolicyRule { ApiGroups = ["discovery.k8s.io"], Resources = ["endpointslices"], Verbs = ["get", "list", "watch"] }],
    };

    /// <summary>A ConfigMap with no apiVersion or kind set, as typed models come by default; the applier fills them in.</summary>
    public static V1ConfigMap ConfigMap(string name = "routes", string value = "route a") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace, Labels = AppLabels() },
        Data = new Dictionary<string, string> { ["routes.gw"] = value },
    };

    /// <summary>A Deployment with the given replica count.</summary>
    public static V1Deployment Deployment(int replicas = 2, string image = "apigw:1") => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = "apigw", NamespaceProperty = Namespace, Labels = AppLabels() },
        Spec = new V1DeploymentSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "apigw" } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "apigw" } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "gateway", Image = image }] },
            },
        },
    };

    /// <summary>The labels the real builders set; objects of other tools may carry the same ones.</summary>
    public static Dictionary<string, string> AppLabels() => new()
    {
        ["app.kubernetes.io/name"] = "apigw",
        ["app.kubernetes.io/instance"] = "dev",
        ["app.kubernetes.io/managed-by"] = "gateway-infra",
    };
}

using System.Reflection;
using System.Text.Json;
using Gateway.Resources.ApiDefinitions;
using k8s;
using k8s.Models;

namespace Gateway.Infra.Tests.Resources;

/// <summary>The CRD generated from the C# types: the apiserver's structural and cost rules, and agreement with what the types serialize to.</summary>
public sealed class ApiDefinitionCrdTests
{
    [Fact]
    public void Create_Names_AgreeWithTheEntityAttribute()
    {
        var entity = typeof(V1Alpha1APIDefinition).GetCustomAttribute<KubernetesEntityAttribute>()!;

        var crd = ApiDefinitionCrd.Create();

        Assert.Equal($"{entity.PluralName}.{entity.Group}", crd.Metadata.Name);
        Assert.Equal((entity.Group, entity.Kind, entity.PluralName), (crd.Spec.Group, crd.Spec.Names.Kind, crd.Spec.Names.Plural));
        Assert.Equal("Namespaced", crd.Spec.Scope);
        var version = Assert.Single(crd.Spec.Versions);
        Assert.Equal(entity.ApiVersion, version.Name);
        Assert.True(version.Served && version.Storage);
        Assert.NotNull(version.Subresources.Status);
    }

    [Fact]
    public void Schema_BoundsEveryStringAndEveryList()
    {
        // CEL cost estimation rejects rules over unbounded strings and lists, so every one carries a bound.
        var unbounded = Walk(ApiDefinitionCrd.RootSchema(), "")
            .Where(n => (n.Schema.Type == "string" && n.Schema.MaxLength is null && n.Schema.EnumProperty is null && n.Schema.Format != "date-time")
                || (n.Schema.Type == "array" && n.Schema.MaxItems is null))
            .Select(n => n.Path)
            .ToList();

        Assert.Empty(unbounded);
    }

    [Fact]
    public void Schema_EveryNodeHasAType()
    {
        Assert.All(Walk(ApiDefinitionCrd.RootSchema(), ""), n => Assert.False(string.IsNullOrEmpty(n.Schema.Type), n.Path + " has no type"));
    }

    [Fact]
    public void Schema_RequiredFields_FollowTheRequiredMembers()
    {
        var spec = ApiDefinitionCrd.RootSchema().Properties["spec"];
        var route = (V1JSONSchemaProps)spec.Properties["routes"].Items;

        Assert.Equal(["spec"], ApiDefinitionCrd.RootSchema().Required);
        Assert.Equal(["hosts", "routes"], spec.Required);
        Assert.Equal(["name", "path", "backends"], route.Required);
    }

    [Fact]
    public void Schema_CarriesTheCelRulesOfTheDraft()
    {
        var rules = Walk(ApiDefinitionCrd.RootSchema(), "")
            .SelectMany(n => n.Schema.XKubernetesValidations ?? [])
            .Select(r => r.Rule)
            .Distinct()
            .Order()
            .ToList();

        string[] expected =
        [
            "!has(self.burst) || self.burst >= self.requests",
            "!self.stripPrefix || self.path.type == 'PathPrefix'",
            "self.exists(b, b.weight > 0)",
            "self.key != 'Header' || has(self.header)",
            "self.type == 'APIKey' ? has(self.apiKey) : !has(self.apiKey)",
            "self.type == 'JWT' ? has(self.jwt) : !has(self.jwt)",
        ];
        Assert.Equal(expected.Order(), rules);
    }

    [Fact]
    public void Schema_RoutesMergePerName_AndConditionsPerType()
    {
        var root = ApiDefinitionCrd.RootSchema();
        var routes = root.Properties["spec"].Properties["routes"];
        var conditions = root.Properties["status"].Properties["conditions"];

        Assert.Equal("map", routes.XKubernetesListType);
        Assert.Equal(["name"], routes.XKubernetesListMapKeys);
        Assert.Equal("map", conditions.XKubernetesListType);
        Assert.Equal(["type"], conditions.XKubernetesListMapKeys);
    }

    [Fact]
    public void Schema_HasAPropertyForEveryFieldTheTypesSerialize()
    {
        // A fully populated object: every key KubernetesJson writes must exist in the schema, or the apiserver prunes it.
        var json = JsonDocument.Parse(KubernetesJson.Serialize(FullObject())).RootElement;
        var root = ApiDefinitionCrd.RootSchema();

        var missing = new List<string>();
        Check(json.GetProperty("spec"), root.Properties["spec"], "spec", missing);
        Check(json.GetProperty("status"), root.Properties["status"], "status", missing);

        Assert.Empty(missing);
    }

    [Fact]
    public void Object_RoundTripsThroughKubernetesJson_WithEnumsAsWireNames()
    {
        var original = FullObject();

        var json = KubernetesJson.Serialize(original);
        var copy = KubernetesJson.Deserialize<V1Alpha1APIDefinition>(json);

        Assert.Contains("\"type\":\"APIKey\"", json, StringComparison.Ordinal);
        Assert.Contains("\"methods\":[\"GET\",\"POST\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"apiVersion\":\"gateway.example.com/v1alpha1\"", json, StringComparison.Ordinal);
        Assert.Equal(original.Spec.Routes[0].Path, copy.Spec.Routes[0].Path);
        Assert.Equal(original.Spec.Auth, copy.Spec.Auth);
        Assert.Equal(original.Spec.Routes[0].Backends, copy.Spec.Routes[0].Backends);
    }

    /// <summary>Adds to <paramref name="missing"/> every JSON key under <paramref name="element"/> that the schema does not declare.</summary>
    private static void Check(JsonElement element, V1JSONSchemaProps schema, string path, List<string> missing)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object when schema.Type == "object":
                foreach (var property in element.EnumerateObject())
                {
                    if (schema.Properties?.TryGetValue(property.Name, out var child) == true)
                    {
                        Check(property.Value, child, path + "." + property.Name, missing);
                    }
                    else
                    {
                        missing.Add(path + "." + property.Name);
                    }
                }

                break;
            case JsonValueKind.Array when schema.Type == "array":
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, (V1JSONSchemaProps)schema.Items!, path + "[]", missing);
                }

                break;
            case JsonValueKind.Object or JsonValueKind.Array:
                missing.Add($"{path} is {element.ValueKind} but the schema says {schema.Type}");
                break;
        }
    }

    /// <summary>Every schema node below <paramref name="schema"/> with its path.</summary>
    private static IEnumerable<(string Path, V1JSONSchemaProps Schema)> Walk(V1JSONSchemaProps schema, string path)
    {
        yield return (path, schema);
        foreach (var (name, child) in schema.Properties ?? new Dictionary<string, V1JSONSchemaProps>())
        {
            foreach (var node in Walk(child, path + "." + name))
            {
                yield return node;
            }
        }

        if (schema.Items is V1JSONSchemaProps items)
        {
            foreach (var node in Walk(items, path + "[]"))
            {
                yield return node;
            }
        }
    }

    /// <summary>An APIDefinition with every field set, so serialization exercises the whole shape.</summary>
    private static V1Alpha1APIDefinition FullObject()
    {
        var auth = new AuthPolicy { Type = AuthType.APIKey, ApiKey = new ApiKeyAuth { Header = "X-Key", SecretRef = new SecretReference { Name = "keys" } } };
        var jwt = new AuthPolicy { Type = AuthType.JWT, Jwt = new JwtAuth { Issuer = "https://id", JwksUri = "https://id/jwks", Audiences = ["api"] } };
        var limit = new RateLimitPolicy { Requests = 10, Per = RateLimitPeriod.Second, Burst = 20, Key = RateLimitKey.Header, Header = "X-Tenant" };
        return new V1Alpha1APIDefinition
        {
            Metadata = new V1ObjectMeta { Name = "shop", NamespaceProperty = "tenant-a" },
            Spec = new ApiDefinitionSpec
            {
                Hosts = ["shop.example.com"],
                Auth = auth,
                RateLimit = limit,
                Routes =
                [
                    new ApiRoute
                    {
                        Name = "orders",
                        Path = new RoutePath { Type = PathMatchType.PathPrefix, Value = "/orders" },
                        Methods = [HttpMethodName.GET, HttpMethodName.POST],
                        StripPrefix = true,
                        Timeout = "30s",
                        Backends = [new BackendRef { Service = "orders", Port = 8080, Weight = 1 }],
                        Auth = jwt,
                        RateLimit = limit,
                    },
                ],
            },
            Status = new ApiDefinitionStatus
            {
                ObservedGeneration = 3,
                Conditions = [new V1Condition { Type = ApiDefinitionConditions.Accepted, Status = "True", Reason = "Accepted", Message = "ok", ObservedGeneration = 3, LastTransitionTime = DateTime.UnixEpoch }],
                Conflicts = [new ConflictReport { Route = "orders", Host = "shop.example.com", Path = "/orders", Reason = ConflictReason.RouteConflict, Winner = new ObjectReference { Namespace = "tenant-a", Name = "old" } }],
            },
        };
    }
}

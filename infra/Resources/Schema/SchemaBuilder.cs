using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace Gateway.Resources.Schema;

/// <summary>Builds a CRD's OpenAPI v3 schema by reflection over the C# types the controller reads and writes.</summary>
/// <remarks>
/// One source of truth: the schema cannot drift from the types, because it is made from them. C# carries the shape
/// (<c>required</c> members, enums, lists, nested records); data annotations carry the bounds
/// (<see cref="MinLengthAttribute"/>/<see cref="MaxLengthAttribute"/> on strings and lists, <see cref="RangeAttribute"/>,
/// <see cref="RegularExpressionAttribute"/>, <see cref="DefaultValueAttribute"/>); the attributes in this folder carry what is
/// Kubernetes-only (list types, CEL rules, item bounds). Unsupported member types throw, because they are programmer errors.
/// </remarks>
public static class SchemaBuilder
{
    /// <summary>The schema of <paramref name="type"/> as it appears in JSON (camelCase names, enums as strings).</summary>
    public static V1JSONSchemaProps For(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type = Nullable.GetUnderlyingType(type) ?? type;

        if (type == typeof(string))
        {
            return new V1JSONSchemaProps { Type = "string" };
        }

        if (type == typeof(bool))
        {
            return new V1JSONSchemaProps { Type = "boolean" };
        }

        if (type == typeof(int))
        {
            return new V1JSONSchemaProps { Type = "integer" };
        }

        if (type == typeof(long))
        {
            return new V1JSONSchemaProps { Type = "integer", Format = "int64" };
        }

        if (type.IsEnum)
        {
            // KubernetesJson writes enums by member name, so the names are the wire values.
            return new V1JSONSchemaProps { Type = "string", EnumProperty = [.. Enum.GetNames(type)] };
        }

        if (type == typeof(V1Condition))
        {
            return ConditionSchema.Create();
        }

        if (ElementTypeOf(type) is { } element)
        {
            return new V1JSONSchemaProps { Type = "array", Items = For(element) };
        }

        if (type.IsClass)
        {
            return ObjectSchema(type);
        }

        throw new InvalidOperationException($"SchemaBuilder has no mapping for '{type}'; add one or change the member's type.");
    }

    /// <summary>The schema of a record: its public properties in declaration order, <c>required</c> members, and type-level rules.</summary>
    private static V1JSONSchemaProps ObjectSchema(Type type)
    {
        var properties = new Dictionary<string, V1JSONSchemaProps>();
        var required = new List<string>();

        // Declaration order (metadata token), so the rendered CRD reads like the C# type and stays stable across runtimes.
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null)
            {
                continue;
            }

            var name = JsonNameOf(property);
            properties[name] = PropertySchema(property);
            if (property.GetCustomAttribute<RequiredMemberAttribute>() is not null)
            {
                required.Add(name);
            }
        }

        return new V1JSONSchemaProps
        {
            Type = "object",
            Required = required.Count > 0 ? required : null,
            Properties = properties,
            XKubernetesValidations = RulesOf(type.GetCustomAttributes<ValidationRuleAttribute>()),
        };
    }

    /// <summary>The schema of one property: its type's schema narrowed by the property's attributes.</summary>
    private static V1JSONSchemaProps PropertySchema(PropertyInfo property)
    {
        var schema = For(property.PropertyType);
        var isArray = schema.Type == "array";

        if (property.GetCustomAttribute<MinLengthAttribute>() is { } min)
        {
            if (isArray) { schema.MinItems = min.Length; } else { schema.MinLength = min.Length; }
        }

        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } max)
        {
            if (isArray) { schema.MaxItems = max.Length; } else { schema.MaxLength = max.Length; }
        }

        if (property.GetCustomAttribute<RangeAttribute>() is { } range)
        {
            schema.Minimum = Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture);
            schema.Maximum = Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (property.GetCustomAttribute<MinimumAttribute>() is { } minimum)
        {
            schema.Minimum = minimum.Minimum;
        }

        if (property.GetCustomAttribute<RegularExpressionAttribute>() is { } regex)
        {
            schema.Pattern = regex.Pattern;
        }

        if (property.GetCustomAttribute<DefaultValueAttribute>() is { Value: { } value })
        {
            // Defaults are applied before validation, which is why rules may read defaulted fields without has().
            schema.DefaultProperty = value is Enum ? value.ToString() : value;
        }

        if (property.GetCustomAttribute<ListTypeAttribute>() is { } listType)
        {
            schema.XKubernetesListType = listType.ListType;
            schema.XKubernetesListMapKeys = listType.MapKeys.Count > 0 ? [.. listType.MapKeys] : null;
        }

        if (property.GetCustomAttribute<ItemsAttribute>() is { } items && schema.Items is V1JSONSchemaProps itemSchema)
        {
            itemSchema.MinLength = items.MinLength > 0 ? items.MinLength : null;
            itemSchema.MaxLength = items.MaxLength > 0 ? items.MaxLength : null;
            itemSchema.Pattern = items.Pattern;
        }

        var rules = RulesOf(property.GetCustomAttributes<ValidationRuleAttribute>());
        if (rules is not null)
        {
            schema.XKubernetesValidations = [.. schema.XKubernetesValidations ?? [], .. rules];
        }

        return schema;
    }

    /// <summary>The element type of a list-like type (never of <see cref="string"/>), or null.</summary>
    private static Type? ElementTypeOf(Type type)
    {
        if (type == typeof(string) || !type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        var isList = definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(List<>);
        return isList ? type.GetGenericArguments()[0] : null;
    }

    /// <summary>The JSON name: <see cref="JsonPropertyNameAttribute"/> if present, else camelCase as KubernetesJson writes it.</summary>
    private static string JsonNameOf(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    /// <summary>The rules as <c>x-kubernetes-validations</c>, or null when there are none (so YAML omits the key).</summary>
    private static List<V1ValidationRule>? RulesOf(IEnumerable<ValidationRuleAttribute> attributes)
    {
        var rules = attributes.Select(a => new V1ValidationRule { Rule = a.Rule, Message = a.Message }).ToList();
        return rules.Count > 0 ? rules : null;
    }
}

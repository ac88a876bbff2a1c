namespace Gateway.Kubernetes.Testing;

/// <summary>What one field manager owns in one object: the leaf keys it last applied, and how (Apply or Update).</summary>
internal sealed record FieldOwner(string Manager, string Operation, string ApiVersion, string Subresource, IReadOnlySet<string> Keys)
{
    /// <summary>The managedFields entry the server reports for this owner.</summary>
    public System.Text.Json.Nodes.JsonObject ToManagedFieldsEntry() => new()
    {
        ["manager"] = Manager,
        ["operation"] = Operation,
        ["apiVersion"] = ApiVersion,
        ["fieldsType"] = "FieldsV1",
        ["fieldsV1"] = JsonFields.FieldsV1(Keys),
        ["subresource"] = Subresource.Length == 0 ? null : Subresource,
    };
}

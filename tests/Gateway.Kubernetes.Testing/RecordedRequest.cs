using Microsoft.AspNetCore.WebUtilities;

namespace Gateway.Kubernetes.Testing;

/// <summary>One request the fake API server received, recorded before it was handled, for assertions.</summary>
/// <param name="Sequence">Position in arrival order, starting at 1.</param>
/// <param name="Method">HTTP method, upper case.</param>
/// <param name="Path">URL path without the query.</param>
/// <param name="QueryString">Raw query without the leading <c>?</c>.</param>
/// <param name="ContentType">The request's Content-Type header, if any.</param>
/// <param name="Body">The request body as text; empty when there was none.</param>
public sealed record RecordedRequest(int Sequence, string Method, string Path, string QueryString, string? ContentType, string Body)
{
    /// <summary>The first value of query parameter <paramref name="name"/>, or null when absent.</summary>
    public string? Query(string name) =>
        QueryHelpers.ParseQuery(QueryString).TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>True when the query carries <c>watch=true</c> (or <c>watch=1</c>).</summary>
    public bool IsWatch => Query("watch") is "true" or "1";

    /// <summary>A compact form for failure messages: <c>PATCH /api/v1/... ?dryRun=All</c>.</summary>
    public override string ToString() => QueryString.Length == 0 ? $"{Method} {Path}" : $"{Method} {Path}?{QueryString}";
}

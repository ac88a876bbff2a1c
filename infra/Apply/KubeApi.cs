using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Gateway.Infra.Apply;

/// <summary>
/// The applier's four verbs (GET, server-side apply, LIST, DELETE) for any kind, over KubernetesClient's
/// <c>CustomObjects</c> operations. Those take group, version and plural as arguments and, for the empty core group,
/// rewrite <c>/apis//v1</c> to <c>/api/v1</c> (generator template <c>Operations.cs.template</c>), so one code path builds
/// exactly the URLs, query strings and content types the typed <c>Patch…</c> methods send. Exceptions become values.
/// </summary>
public sealed partial class KubeApi(IKubernetes client)
{
    /// <summary>The API server address, for messages.</summary>
    public Uri BaseUri => client.BaseUri;

    /// <summary>GET one object.</summary>
    public Task<KubeResult> GetAsync(ObjectRef target, CancellationToken ct) => CallAsync(async () =>
        target.Namespace is null
            ? await client.CustomObjects.GetClusterCustomObjectWithHttpMessagesAsync<JsonElement>(
                target.Kind.Group, target.Kind.Version, target.Kind.Plural, target.Name, customHeaders: null, cancellationToken: ct).ConfigureAwait(false)
            : await client.CustomObjects.GetNamespacedCustomObjectWithHttpMessagesAsync<JsonElement>(
                target.Kind.Group, target.Kind.Version, target.Namespace, target.Kind.Plural, target.Name, customHeaders: null, cancellationToken: ct).ConfigureAwait(false), ct);

    /// <summary>
    /// Server-side apply: PATCH with <c>Content-Type: application/apply-patch+yaml</c> (the JSON body is valid YAML),
    /// <c>fieldManager</c>, <c>force</c>, <c>fieldValidation=Strict</c>, and <c>dryRun=All</c> for previews.
    /// </summary>
    public Task<KubeResult> ApplyAsync(ObjectRef target, JsonObject body, string fieldManager, bool force, bool dryRun, CancellationToken ct)
    {
        // V1Patch with ApplyPatch is what selects the apply content type; the string body is written as raw JSON.
        var patch = new V1Patch(body.ToJsonString(), V1Patch.PatchType.ApplyPatch);
        var dryRunValue = dryRun ? "All" : null;
        return CallAsync(async () => target.Namespace is null
            ? await client.CustomObjects.PatchClusterCustomObjectWithHttpMessagesAsync<JsonElement>(patch, target.Kind.Group, target.Kind.Version,
                target.Kind.Plural, target.Name, dryRun: dryRunValue, fieldManager: fieldManager, fieldValidation: "Strict", force: force,
                customHeaders: null, cancellationToken: ct).ConfigureAwait(false)
            : await client.CustomObjects.PatchNamespacedCustomObjectWithHttpMessagesAsync<JsonElement>(patch, target.Kind.Group, target.Kind.Version,
                target.Namespace, target.Kind.Plural, target.Name, dryRun: dryRunValue, fieldManager: fieldManager, fieldValidation: "Strict", force: force,
                customHeaders: null, cancellationToken: ct).ConfigureAwait(false), ct);
    }

    /// <summary>LIST a kind in one namespace (or cluster-wide for cluster-scoped kinds) by label selector; the value is the list.</summary>
    public Task<KubeResult> ListAsync(ResourceKind kind, string? @namespace, string labelSelector, CancellationToken ct) => CallAsync(async () =>
        @namespace is null
            ? await client.CustomObjects.ListClusterCustomObjectWithHttpMessagesAsync<JsonElement>(
                kind.Group, kind.Version, kind.Plural, labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false)
            : await client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync<JsonElement>(
                kind.Group, kind.Version, @namespace, kind.Plural, labelSelector: labelSelector, cancellationToken: ct).ConfigureAwait(false), ct);

    /// <summary>DELETE one object with foreground propagation, so that dependents (ReplicaSets, Pods) go before the owner.</summary>
    public Task<KubeResult> DeleteAsync(ObjectRef target, CancellationToken ct) => CallAsync(async () =>
        target.Namespace is null
            ? await client.CustomObjects.DeleteClusterCustomObjectWithHttpMessagesAsync<JsonElement>(target.Kind.Group, target.Kind.Version,
                target.Kind.Plural, target.Name, propagationPolicy: "Foreground", cancellationToken: ct).ConfigureAwait(false)
            : await client.CustomObjects.DeleteNamespacedCustomObjectWithHttpMessagesAsync<JsonElement>(target.Kind.Group, target.Kind.Version,
                target.Namespace, target.Kind.Plural, target.Name, propagationPolicy: "Foreground", cancellationToken: ct).ConfigureAwait(false), ct);

    private static async Task<KubeResult> CallAsync(Func<Task<HttpOperationResponse<JsonElement>>> call, CancellationToken ct)
    {
        try
        {
            using var response = await call().ConfigureAwait(false);
            return KubeResult.Success(JsonNode.Parse(response.Body.GetRawText()) as JsonObject ?? new JsonObject());
        }
        catch (HttpOperationException e)
        {
            return KubeResult.Fail(FromResponse((int)e.Response.StatusCode, e.Response.Content));
        }
        catch (HttpRequestException e)
        {
            return KubeResult.Fail(KubeFailure.Of(FailureKind.Unreachable, e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal)
                ? $"{e.Message} ({inner.Message})"
                : e.Message));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The client's own HttpClientTimeout (100 s by default) fired, not the caller's token.
            return KubeResult.Fail(KubeFailure.Of(FailureKind.Timeout, "the API server did not answer in time"));
        }
    }

    /// <summary>Reads a metav1 Status body (when there is one) into a failure; apply conflicts keep every owning manager.</summary>
    private static KubeFailure FromResponse(int code, string? content)
    {
        var status = TryParse(content);
        var message = status?["message"]?.GetValue<string>() ?? (string.IsNullOrWhiteSpace(content) ? $"HTTP {code}" : content.Trim());
        var kind = code switch
        {
            (int)HttpStatusCode.NotFound => FailureKind.NotFound,
            (int)HttpStatusCode.Conflict => FailureKind.Conflict,
            (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden => FailureKind.Forbidden,
            (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.UnprocessableEntity => FailureKind.Invalid,
            (int)HttpStatusCode.GatewayTimeout => FailureKind.Timeout,
            _ => FailureKind.ServerError,
        };

        var conflicts = new List<FieldConflict>();
        if (status?["details"]?["causes"] is JsonArray causes)
        {
            foreach (var cause in causes.OfType<JsonObject>().Where(c => c["reason"]?.GetValue<string>() == "FieldManagerConflict"))
            {
                var match = ManagerPattern().Match(cause["message"]?.GetValue<string>() ?? "");
                conflicts.Add(new FieldConflict(match.Success ? match.Groups[1].Value : "(unknown manager)", cause["field"]?.GetValue<string>() ?? ""));
            }
        }

        return new KubeFailure(kind, message, code, conflicts);
    }

    private static JsonObject? TryParse(string? content)
    {
        try
        {
            return string.IsNullOrWhiteSpace(content) ? null : JsonNode.Parse(content) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The apiserver words each cause as: conflict with "kubectl-edit" using apps/v1
    [GeneratedRegex("conflict with \"([^\"]+)\"")]
    private static partial Regex ManagerPattern();
}

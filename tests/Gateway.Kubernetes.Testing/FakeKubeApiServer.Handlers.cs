using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Gateway.Kubernetes.Testing;

/// <summary>Request dispatch: record, parse the REST path, route by verb, answer JSON.</summary>
public sealed partial class FakeKubeApiServer
{
    /// <summary>
    /// Handles one request:
    /// 1. record it (method, path, query, content type, body);
    /// 2. answer an injected failure if one matches;
    /// 3. parse the REST path (anything else is a 404 Status);
    /// 4. route by verb to the store; GET with <c>watch=true</c> streams.
    /// </summary>
    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body, Encoding.UTF8).ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var recorded = Record(request, body);

        var injected = TakeInjectedFailure(recorded);
        if (injected is not null)
        {
            await WriteAsync(context, new StoreResult(injected.StatusCode, injected.Body)).ConfigureAwait(false);
            return;
        }

        var path = RequestPath.TryParse(request.Path.Value ?? "");
        if (path is null)
        {
            await WriteAsync(context, StoreResult.Fail(ApiStatus.Failure(404, "NotFound", "the server could not find the requested resource"))).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsGet(request.Method) && path.Name is null && recorded.IsWatch)
        {
            await WatchAsync(context, path, recorded).ConfigureAwait(false);
            return;
        }

        var result = Dispatch(request.Method, path, recorded, body);
        await WriteAsync(context, result).ConfigureAwait(false);
    }

    private StoreResult Dispatch(string method, RequestPath path, RecordedRequest request, string body)
    {
        var dryRun = request.Query("dryRun") == "All";
        var manager = request.Query("fieldManager");
        var subresource = path.Subresource ?? "";
        var key = path.Name is null ? null : new ObjectKey(path.Type, path.Namespace, path.Name);

        if (HttpMethods.IsGet(method))
        {
            return key is not null ? _store.Get(key) : List(path, request);
        }

        if (HttpMethods.IsDelete(method))
        {
            if (key is not null)
            {
                return _store.Delete(key, dryRun);
            }

            var (filter, error) = Filter(request);
            return filter is null ? StoreResult.Fail(ApiStatus.BadRequest(error!)) : _store.DeleteCollection(path.Type, NamespaceOrAll(path), filter, dryRun);
        }

        if (!TryParseObject(body, out var obj))
        {
            // KubernetesClient always sends JSON (it is valid YAML too); a YAML-only body means a caller bypassed the client.
            return StoreResult.Fail(ApiStatus.BadRequest("the fake API server reads request bodies as JSON only (JSON is valid YAML)"));
        }

        if (HttpMethods.IsPost(method) && key is null)
        {
            var name = obj["metadata"]?["name"]?.GetValue<string>();
            return string.IsNullOrEmpty(name)
                ? StoreResult.Fail(ApiStatus.BadRequest("metadata.name: Required value: name or generateName is required"))
                : _store.Create(new ObjectKey(path.Type, path.Namespace, name), obj, manager, dryRun);
        }

        if (key is null)
        {
            return StoreResult.Fail(ApiStatus.Failure(405, "MethodNotAllowed", $"{method} is not supported on a collection"));
        }

        if (subresource.Length == 0 && obj["metadata"]?["name"]?.GetValue<string>() is { } bodyName && bodyName != key.Name)
        {
            return StoreResult.Fail(ApiStatus.BadRequest($"the name of the object ({bodyName}) does not match the name on the URL ({key.Name})"));
        }

        if (HttpMethods.IsPut(method))
        {
            return _store.Replace(key, subresource, obj, manager, dryRun);
        }

        if (!HttpMethods.IsPatch(method))
        {
            return StoreResult.Fail(ApiStatus.Failure(405, "MethodNotAllowed", $"{method} is not supported"));
        }

        var contentType = request.ContentType ?? "";
        if (contentType.StartsWith("application/apply-patch+yaml", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(manager)
                ? StoreResult.Fail(ApiStatus.BadRequest("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"))
                : _store.Apply(key, subresource, obj, manager, request.Query("force") == "true", dryRun);
        }

        if (contentType.StartsWith("application/merge-patch+json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/strategic-merge-patch+json", StringComparison.OrdinalIgnoreCase))
        {
            return _store.MergePatch(key, subresource, obj, manager, dryRun);
        }

        return StoreResult.Fail(ApiStatus.Failure(415, "UnsupportedMediaType", $"the fake API server does not support the content type \"{contentType}\" for PATCH"));
    }

    private StoreResult List(RequestPath path, RecordedRequest request)
    {
        var (filter, error) = Filter(request);
        return filter is null ? StoreResult.Fail(ApiStatus.BadRequest(error!)) : new StoreResult(200, _store.List(path.Type, NamespaceOrAll(path), filter));
    }

    /// <summary>The labelSelector and fieldSelector of a LIST, WATCH or collection DELETE combined into one predicate.</summary>
    private static (Func<JsonObject, bool>? Filter, string? Error) Filter(RecordedRequest request)
    {
        var labels = LabelSelector.Parse(request.Query("labelSelector"));
        var (fields, error) = FieldSelector.Parse(request.Query("fieldSelector"));
        return fields is null ? (null, error) : (obj => labels.Matches(obj) && fields(obj), null);
    }

    // A path without /namespaces/{ns} on a namespaced resource means "across all namespaces".
    private static string? NamespaceOrAll(RequestPath path) => path.Namespace.Length == 0 ? null : path.Namespace;

    private RecordedRequest Record(HttpRequest request, string body)
    {
        lock (_requestsLock)
        {
            var recorded = new RecordedRequest(_requests.Count + 1, request.Method.ToUpperInvariant(), request.Path.Value ?? "",
                request.QueryString.HasValue ? request.QueryString.Value![1..] : "", request.ContentType, body);
            _requests.Add(recorded);
            return recorded;
        }
    }

    private InjectedFailure? TakeInjectedFailure(RecordedRequest request)
    {
        lock (_requestsLock)
        {
            return _failures.FirstOrDefault(f => f.TryTake(request));
        }
    }

    private static bool TryParseObject(string body, out JsonObject obj)
    {
        try
        {
            obj = JsonNode.Parse(body.Length == 0 ? "{}" : body) as JsonObject ?? new JsonObject();
            return true;
        }
        catch (JsonException)
        {
            obj = new JsonObject();
            return false;
        }
    }

    private static async Task WriteAsync(HttpContext context, StoreResult result)
    {
        context.Response.StatusCode = result.StatusCode;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(result.Body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}

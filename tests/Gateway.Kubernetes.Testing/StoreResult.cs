using System.Text.Json.Nodes;

namespace Gateway.Kubernetes.Testing;

/// <summary>The outcome of a store operation as the API server would answer it: an HTTP status and a JSON body.</summary>
internal sealed record StoreResult(int StatusCode, JsonObject Body)
{
    /// <summary>A 200 with a copy of <paramref name="body"/>, so callers never hold the stored instance.</summary>
    public static StoreResult Ok(JsonObject body) => new(200, (JsonObject)body.DeepClone());

    /// <summary>A failure Status with its own code.</summary>
    public static StoreResult Fail(JsonObject status) => new(status["code"]!.GetValue<int>(), status);
}

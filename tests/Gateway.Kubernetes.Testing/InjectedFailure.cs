using System.Text.Json.Nodes;

namespace Gateway.Kubernetes.Testing;

/// <summary>A canned error response for the next requests that match, used to simulate faults the fake cannot produce.</summary>
internal sealed class InjectedFailure(Func<RecordedRequest, bool> match, int statusCode, JsonObject body, int times)
{
    private int _remaining = times;

    /// <summary>HTTP status to answer with.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The response body (a Status).</summary>
    public JsonObject Body { get; } = body;

    /// <summary>Consumes one use when <paramref name="request"/> matches and uses remain.</summary>
    public bool TryTake(RecordedRequest request) => _remaining > 0 && match(request) && Interlocked.Decrement(ref _remaining) >= 0;
}

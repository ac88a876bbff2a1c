using System.Text.Json.Nodes;

namespace Gateway.Infra.Apply;

/// <summary>
/// A Deployment's rollout state, read the way <c>kubectl rollout status</c> reads it: the controller must have observed
/// the current generation, every replica must be updated, no old replica may remain, and all updated ones must be available.
/// </summary>
/// <param name="Complete">True when the rollout has finished.</param>
/// <param name="Failed">True when the controller gave up (<c>ProgressDeadlineExceeded</c>).</param>
/// <param name="Text">A short progress line, for example <c>2 of 3 updated, 1 available</c>.</param>
public sealed record RolloutStatus(bool Complete, bool Failed, string Text)
{
    /// <summary>Reads the status of a Deployment object.</summary>
    public static RolloutStatus From(JsonObject deployment)
    {
        var generation = Number(deployment["metadata"]?["generation"]) ?? 0;
        var status = deployment["status"] as JsonObject;
        var observed = Number(status?["observedGeneration"]) ?? -1;
        if (observed < generation)
        {
            return new RolloutStatus(false, false, "waiting for the controller to observe the new spec");
        }

        if (status?["conditions"] is JsonArray conditions && conditions.Any(c =>
                c?["type"]?.GetValue<string>() == "Progressing" && c["reason"]?.GetValue<string>() == "ProgressDeadlineExceeded"))
        {
            return new RolloutStatus(false, true, "the rollout exceeded its progress deadline");
        }

        // An unset spec.replicas is defaulted to 1 by the server.
        var desired = Number(deployment["spec"]?["replicas"]) ?? 1;
        var total = Number(status?["replicas"]) ?? 0;
        var updated = Number(status?["updatedReplicas"]) ?? 0;
        var available = Number(status?["availableReplicas"]) ?? 0;
        var text = $"{updated} of {desired} updated, {available} available";
        if (updated < desired)
        {
            return new RolloutStatus(false, false, text);
        }

        if (total > updated)
        {
            return new RolloutStatus(false, false, $"{text}, {total - updated} old pending termination");
        }

        return new RolloutStatus(available >= updated, false, text);
    }

    private static long? Number(JsonNode? node) => node is JsonValue value && value.TryGetValue<long>(out var n) ? n : null;
}

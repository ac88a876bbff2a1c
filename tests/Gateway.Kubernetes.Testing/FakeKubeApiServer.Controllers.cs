using System.Text.Json.Nodes;

namespace Gateway.Kubernetes.Testing;

/// <summary>
/// Stand-ins for the controllers whose status tests wait on. On a real cluster the apiextensions controller sets a CRD's
/// <c>Established</c> condition and the deployment controller reports rollout progress.
/// </summary>
public sealed partial class FakeKubeApiServer
{
    /// <summary>Marks a Deployment's rollout progress: observedGeneration = generation, and the given replica counts.</summary>
    public bool SetDeploymentRollout(string @namespace, string name, int updatedReplicas, int availableReplicas)
    {
        var generation = JsonFields.AsInt64(Get("apps/v1", "deployments", @namespace, name)?["metadata"]?["generation"]) ?? 1;
        return UpdateStatus("apps/v1", "deployments", @namespace, name, status =>
        {
            status["observedGeneration"] = generation;
            status["replicas"] = Math.Max(updatedReplicas, availableReplicas);
            status["updatedReplicas"] = updatedReplicas;
            status["readyReplicas"] = availableReplicas;
            status["availableReplicas"] = availableReplicas;
        });
    }

    private void OnCommitted(ObjectKey key, JsonObject obj)
    {
        if (key.Type.Group == "apiextensions.k8s.io" && key.Type.Resource == "customresourcedefinitions"
            && _options.CrdEstablishedDelay is { } crdDelay && !IsEstablished(obj))
        {
            Later(crdDelay, () => _store.MutateStatus(key, status => status["conditions"] = new JsonArray(
                Condition("NamesAccepted", "NoConflicts"), Condition("Established", "InitialNamesAccepted"))));
        }

        if (key.Type.Group == "apps" && key.Type.Resource == "deployments" && _options.DeploymentRolloutDelay is { } rolloutDelay
            && JsonFields.AsInt64(obj["status"]?["observedGeneration"]) != JsonFields.AsInt64(obj["metadata"]?["generation"]))
        {
            var replicas = (int)(JsonFields.AsInt64(obj["spec"]?["replicas"]) ?? 1);
            Later(rolloutDelay, () => SetDeploymentRollout(key.Namespace, key.Name, replicas, replicas));
        }
    }

    private static bool IsEstablished(JsonObject crd) =>
        crd["status"]?["conditions"] is JsonArray conditions
        && conditions.Any(c => c?["type"]?.GetValue<string>() == "Established" && c["status"]?.GetValue<string>() == "True");

    private static JsonObject Condition(string type, string reason) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["reason"] = reason,
        ["lastTransitionTime"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
    };

    // Runs outside the store's lock (the store raises Committed while holding it) and stops with the server.
    private void Later(TimeSpan delay, Action action) => _ = Task.Run(async () =>
    {
        try
        {
            await Task.Delay(delay, _stopping.Token).ConfigureAwait(false);
            action();
        }
        catch (OperationCanceledException)
        {
        }
    });
}

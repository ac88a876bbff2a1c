using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Gateway.Infra.Apply;

/// <summary>Waiting for the controllers: a CRD's <c>Established</c> condition and Deployment rollouts, polled by GET.</summary>
public sealed partial class Applier
{
    /// <summary>
    /// Polls the CRD until <c>Established=True</c>, so objects applied after it (and the gateway's watch on its custom
    /// resources) find the new REST path. A <c>NamesAccepted=False</c> condition fails at once with the server's reason.
    /// </summary>
    private async Task<KubeFailure?> WaitForCrdAsync(ObjectRef crd, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var live = await _api.GetAsync(crd, ct).ConfigureAwait(false);
            if (live.Failure is { } failure)
            {
                return failure;
            }

            if (Condition(live.Value!, "Established") is { Status: "True" })
            {
                _output.WriteLine($"      established after {clock.Elapsed.TotalSeconds:0.0} s");
                return null;
            }

            if (Condition(live.Value!, "NamesAccepted") is { Status: "False" } rejected)
            {
                return KubeFailure.Of(FailureKind.Invalid, $"the API server did not accept the CRD's names: {rejected.Message}");
            }

            if (clock.Elapsed >= _options.CrdTimeout)
            {
                return KubeFailure.Of(FailureKind.Timeout, $"not Established within {_options.CrdTimeout.TotalSeconds:0.#} s");
            }

            await Task.Delay(_options.PollInterval, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for each Deployment's rollout in turn, printing a progress line whenever it changes.</summary>
    private async Task<(ObjectRef? Target, KubeFailure? Failure)> WaitForRolloutsAsync(IEnumerable<ObjectRef> deployments, CancellationToken ct)
    {
        foreach (var deployment in deployments)
        {
            var clock = Stopwatch.StartNew();
            string? shown = null;
            while (true)
            {
                var live = await _api.GetAsync(deployment, ct).ConfigureAwait(false);
                if (live.Failure is { } failure)
                {
                    return (deployment, failure);
                }

                var status = RolloutStatus.From(live.Value!);
                if (status.Text != shown)
                {
                    shown = status.Text;
                    _output.WriteLine($"  rollout {deployment}: {status.Text}{(status.Complete ? " - done" : "")}");
                }

                if (status.Complete)
                {
                    break;
                }

                if (status.Failed)
                {
                    return (deployment, KubeFailure.Of(FailureKind.Timeout, "the rollout exceeded its progressDeadlineSeconds"));
                }

                if (clock.Elapsed >= _options.RolloutTimeout)
                {
                    return (deployment, KubeFailure.Of(FailureKind.Timeout, $"rollout not finished within {_options.RolloutTimeout.TotalSeconds:0.#} s ({status.Text})"));
                }

                await Task.Delay(_options.PollInterval, ct).ConfigureAwait(false);
            }
        }

        return (null, null);
    }

    private static (string? Status, string? Message)? Condition(JsonObject obj, string type)
    {
        var condition = (obj["status"]?["conditions"] as JsonArray)?.FirstOrDefault(c => c?["type"]?.GetValue<string>() == type);
        return condition is null ? null : (condition["status"]?.GetValue<string>(), condition["message"]?.GetValue<string>());
    }
}

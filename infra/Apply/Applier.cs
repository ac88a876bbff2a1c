using k8s;

namespace Gateway.Infra.Apply;

/// <summary>
/// Previews, applies and destroys one stack with server-side apply, keeping Pulumi.Kubernetes v4 semantics:
/// one field manager, <c>dryRun=All</c> previews with a diff, apply in dependency order with
/// waits, ApplySet-scoped pruning, and a CRD that only goes when asked. Every public method returns the process exit
/// code (0 on success, 1 on failure) and writes one clear message for a failure, never an exception.
/// </summary>
public sealed partial class Applier
{
    private readonly KubeApi _api;
    private readonly ApplierOptions _options;
    private readonly TextWriter _output;

    /// <summary>Creates an applier that talks to <paramref name="client"/> and writes progress to <paramref name="output"/>.</summary>
    public Applier(IKubernetes client, ApplierOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        _api = new KubeApi(client);
        _options = options;
        _output = output;
    }

    /// <summary>Builds the plan and reports malformed objects; null means "stop, exit 1", with nothing sent.</summary>
    private StackPlan? Plan(DesiredState desired)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var plan = StackPlan.Build(desired, out var problems);
        foreach (var problem in problems)
        {
            _output.WriteLine($"error: {problem}");
        }

        return problems.Count == 0 ? plan : null;
    }

    /// <summary>
    /// Reads the live ApplySet parent. Absent means a first run. It is also the first request of every command, so an
    /// unreachable cluster is reported here, before anything could have changed.
    /// </summary>
    private async Task<(ApplySetParent? Parent, KubeResult Live, KubeFailure? Failure)> ReadParentAsync(StackPlan plan, CancellationToken ct)
    {
        var live = await _api.GetAsync(plan.Parent, ct).ConfigureAwait(false);
        if (live.IsNotFound)
        {
            return (ApplySetParent.None, live, null);
        }

        if (live.Failure is { } failure)
        {
            return (null, live, failure);
        }

        var parent = ApplySetParent.From(live.Value!);
        if (parent.BelongsToOtherTool)
        {
            return (null, live, KubeFailure.Of(FailureKind.Conflict,
                $"{plan.Parent} is an ApplySet managed by '{parent.Tooling}', not {ApplySet.ToolName}; choose another stack name or remove that set with its own tool"));
        }

        if (parent.Id is not null && parent.Id != plan.Id)
        {
            return (null, live, KubeFailure.Of(FailureKind.Conflict,
                $"{plan.Parent} carries ApplySet id '{parent.Id}', expected '{plan.Id}'; it was not created for this stack"));
        }

        return (parent, live, null);
    }

    /// <summary>One server-side apply of <paramref name="target"/> as this stack's field manager.</summary>
    private Task<KubeResult> SendAsync(DesiredObject target, bool dryRun, CancellationToken ct) =>
        _api.ApplyAsync(target.Ref, target.Body, _options.FieldManager, _options.ForceConflicts, dryRun, ct);

    /// <summary>
    /// GETs the live object (unless the caller has just read it: <paramref name="knownLive"/>), applies
    /// <paramref name="target"/> (or dry-runs it), and classifies the result.
    /// </summary>
    private async Task<(ObjectOutcome? Outcome, KubeFailure? Failure)> ApplyOneAsync(DesiredObject target, bool dryRun, CancellationToken ct, KubeResult? knownLive = null)
    {
        var live = knownLive ?? await _api.GetAsync(target.Ref, ct).ConfigureAwait(false);
        if (live.Failure is { Kind: not FailureKind.NotFound } readFailure)
        {
            return (null, readFailure);
        }

        var applied = await SendAsync(target, dryRun, ct).ConfigureAwait(false);
        if (applied.Failure is { } applyFailure)
        {
            return (null, applyFailure);
        }

        var changes = ObjectDiff.Compare(live.Value, applied.Value!);
        var kind = live.Value is null ? OutcomeKind.Create : changes.Count == 0 ? OutcomeKind.NoChange : OutcomeKind.Update;
        return (new ObjectOutcome(target.Ref, kind, kind == OutcomeKind.Update ? changes : []), null);
    }
}

using Gateway.Infra.Commands;

namespace Gateway.Infra.Apply;

/// <summary><c>up</c>: server-side apply in dependency order, waits, prune, summary.</summary>
public sealed partial class Applier
{
    /// <summary>
    /// Applies the stack:
    /// 1. Read the ApplySet parent (an unreachable cluster stops here, before any change).
    /// 2. Apply Namespaces of the stack, then the parent with the union of the old and new kinds and namespaces, so a
    ///    crash later cannot hide a member from the next prune (KEP-3659).
    /// 3. Apply each member in order with the part-of label; after a CRD, wait for <c>Established</c>.
    /// 4. Wait for every Deployment's rollout.
    /// 5. Prune ApplySet members no longer desired (CRDs are kept).
    /// 6. Rewrite the parent to exactly the current kinds and namespaces.
    /// 7. Print the summary.
    /// On a failure it stops, names what was applied and what was not, and prunes nothing.
    /// </summary>
    public async Task<int> UpAsync(DesiredState desired, CancellationToken ct)
    {
        if (Plan(desired) is not { } plan)
        {
            return ExitCodes.Failed;
        }

        _output.WriteLine($"Up of stack '{desired.StackName}' (namespace {desired.Namespace}) as field manager '{_options.FieldManager}':");
        var outcomes = new List<ObjectOutcome>();
        var applied = new List<ObjectRef>();
        try
        {
            // 1. The parent's record tells prune where this stack's objects may be.
            var (parent, liveParent, readFailure) = await ReadParentAsync(plan, ct).ConfigureAwait(false);
            if (readFailure is not null)
            {
                return Stopped(readFailure, "Up stopped before applying anything; nothing was changed.");
            }

            // 2–3. Namespaces first because the parent lives in one; then the parent; then everything else in order.
            var parentObject = plan.ParentObjectWith(parent!);
            var sequence = plan.Members.Where(m => m.Ref.Kind.Kind == "Namespace")
                .Append(parentObject)
                .Concat(plan.Members.Where(m => m.Ref.Kind.Kind != "Namespace"))
                .ToArray();
            foreach (var target in sequence)
            {
                var (outcome, failure) = await ApplyOneAsync(target, dryRun: false, ct, target == parentObject ? liveParent : null).ConfigureAwait(false);
                if (failure is null && target.Ref.Kind.IsCrd)
                {
                    WriteOutcome(outcome!, preview: false);
                    _output.WriteLine($"      waiting for {target.Ref} to be Established");
                    failure = await WaitForCrdAsync(target.Ref, ct).ConfigureAwait(false);
                }
                else if (outcome is not null)
                {
                    WriteOutcome(target == parentObject ? outcome with { Note = "ApplySet parent" } : outcome, preview: false);
                }

                if (failure is not null)
                {
                    WriteFailure(target.Ref, failure);
                    var notApplied = plan.Members.Select(m => m.Ref).Where(r => !applied.Contains(r)).ToArray();
                    WriteStopped("Up", applied, notApplied, "applied", "Nothing was pruned; run up again once the cause is fixed.");
                    return ExitCodes.Failed;
                }

                if (target != parentObject)
                {
                    applied.Add(target.Ref);
                    outcomes.Add(outcome!);
                }
            }

            // 4. A rollout that never becomes available is a failed deploy, even though every apply succeeded.
            var deployments = plan.Members.Select(m => m.Ref).Where(r => r.Kind is { Group: "apps", Kind: "Deployment" });
            var (stuck, rolloutFailure) = await WaitForRolloutsAsync(deployments, ct).ConfigureAwait(false);
            if (rolloutFailure is not null)
            {
                WriteFailure(stuck, rolloutFailure);
                WriteStopped("Up", applied, [], "applied", "The rollout did not finish; nothing was pruned.");
                return ExitCodes.Failed;
            }

            // 5. Prune only after the new version is up, so the old objects serve until then.
            var (orphans, findFailure) = await FindOrphansAsync(plan, parent!, ct).ConfigureAwait(false);
            var (failedOrphan, pruneFailure) = findFailure is null
                ? await DeleteInOrderAsync(orphans, orphan => PruneOutcome(orphan, preview: false), outcomes, [], ct).ConfigureAwait(false)
                : (null, findFailure);
            if (pruneFailure is not null)
            {
                WriteFailure(failedOrphan, pruneFailure);
                WriteStopped("Up", applied, [], "applied", "Pruning failed part-way; run up again to finish it.");
                return ExitCodes.Failed;
            }

            // 6. Kept CRDs stay recorded, so a later destroy --delete-crd still finds them.
            var kept = outcomes.Where(o => o.Kind == OutcomeKind.Keep).Select(o => o.Ref.Kind.GroupKind);
            var finalParent = plan.ParentObject(plan.GroupKinds.Union(kept), plan.AdditionalNamespaces);
            var rewritten = await SendAsync(finalParent, dryRun: false, ct).ConfigureAwait(false);
            if (rewritten.Failure is { } parentFailure)
            {
                WriteFailure(plan.Parent, parentFailure);
                WriteStopped("Up", applied, [], "applied", "Everything was applied and pruned, but the ApplySet parent still lists old kinds; the next up fixes it.");
                return ExitCodes.Failed;
            }

            // 7. The summary.
            var counts = Count(outcomes, (OutcomeKind.Create, "created"), (OutcomeKind.Update, "updated"), (OutcomeKind.NoChange, "unchanged"),
                (OutcomeKind.Prune, "pruned"), (OutcomeKind.Keep, "kept"));
            var changed = outcomes.Any(o => o.Kind is OutcomeKind.Create or OutcomeKind.Update or OutcomeKind.Prune);
            _output.WriteLine(changed ? $"Up: {counts}." : $"Up: no changes ({counts}).");
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var notApplied = plan.Members.Select(m => m.Ref).Where(r => !applied.Contains(r)).ToArray();
            _output.WriteLine("error: interrupted");
            WriteStopped("Up", applied, notApplied, "applied", "Nothing was pruned.");
            return ExitCodes.Failed;
        }
    }
}

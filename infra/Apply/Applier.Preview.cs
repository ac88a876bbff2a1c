using Gateway.Infra.Commands;

namespace Gateway.Infra.Apply;

/// <summary><c>preview</c>: a server-side dry run of every object and a diff against the live state.</summary>
public sealed partial class Applier
{
    /// <summary>
    /// Previews the stack; nothing is changed.
    /// 1. Read the ApplySet parent (an unreachable cluster stops here).
    /// 2. For the parent and each member in apply order: GET the live object, apply with <c>dryRun=All</c>, diff.
    /// 3. List the ApplySet's live members and show those no longer desired as "prune" (a CRD as "keep").
    /// Returns 1 when any dry run failed (a conflict would fail <c>up</c> too), otherwise 0.
    /// </summary>
    public async Task<int> PreviewAsync(DesiredState desired, CancellationToken ct)
    {
        if (Plan(desired) is not { } plan)
        {
            return ExitCodes.Failed;
        }

        _output.WriteLine($"Preview of stack '{desired.StackName}' (namespace {desired.Namespace}) as field manager '{_options.FieldManager}', server-side dry run:");
        var (parent, liveParent, readFailure) = await ReadParentAsync(plan, ct).ConfigureAwait(false);
        if (readFailure is not null)
        {
            return Stopped(readFailure, "Preview stopped; nothing was changed.");
        }

        var outcomes = new List<ObjectOutcome>();
        var failures = 0;
        var parentObject = plan.ParentObjectWith(parent!);
        foreach (var target in plan.Members.Prepend(parentObject))
        {
            var (outcome, failure) = await ApplyOneAsync(target, dryRun: true, ct, target == parentObject ? liveParent : null).ConfigureAwait(false);
            if (failure is { Kind: FailureKind.NotFound })
            {
                // A dry run into a namespace that does not exist yet, or of a resource whose CRD is not installed yet,
                // cannot be answered by the server (Pulumi has the same gap); the object would be created.
                outcome = new ObjectOutcome(target.Ref, OutcomeKind.Create, [], $"not dry-run: {failure.Message}");
            }
            else if (failure is not null)
            {
                WriteFailure(target.Ref, failure);
                failures++;
                if (failure.Kind == FailureKind.Unreachable)
                {
                    break;
                }

                continue;
            }

            outcome = target == parentObject ? outcome! with { Note = outcome.Note ?? "ApplySet parent" } : outcome!;
            outcomes.Add(outcome);
            WriteOutcome(outcome, preview: true);
        }

        if (failures == 0)
        {
            var (candidates, pruneFailure) = await FindOrphansAsync(plan, parent!, ct).ConfigureAwait(false);
            if (pruneFailure is not null)
            {
                WriteFailure(null, pruneFailure);
                failures++;
            }

            foreach (var orphan in candidates)
            {
                var outcome = PruneOutcome(orphan, preview: true);
                outcomes.Add(outcome);
                WriteOutcome(outcome, preview: true);
            }
        }

        var counts = Count(outcomes, (OutcomeKind.Create, "to create"), (OutcomeKind.Update, "to update"), (OutcomeKind.NoChange, "unchanged"),
            (OutcomeKind.Prune, "to prune"), (OutcomeKind.Keep, "kept"));
        _output.WriteLine(failures == 0
            ? $"Preview: {counts}. Nothing was changed."
            : $"Preview found {failures} problem(s); up would stop at the first. Nothing was changed.");
        return failures == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }
}

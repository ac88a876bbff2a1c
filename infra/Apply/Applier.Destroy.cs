using Gateway.Infra.Commands;

namespace Gateway.Infra.Apply;

/// <summary><c>destroy</c>: delete the stack's objects in reverse apply order.</summary>
public sealed partial class Applier
{
    private const string DestroyStoppedEarly = "Destroy stopped before deleting anything; nothing was changed.";

    /// <summary>
    /// Destroys the stack:
    /// 1. Read the ApplySet parent (an unreachable cluster stops here).
    /// 2. List the live members by part-of label, and delete them in reverse apply order with foreground propagation.
    ///    A CRD is kept unless <paramref name="deleteCrd"/> is set: deleting it deletes every tenant's custom resources.
    /// 3. Delete the parent, or, when something was kept, rewrite it to record only what is left.
    /// </summary>
    public async Task<int> DestroyAsync(DesiredState desired, bool deleteCrd, CancellationToken ct)
    {
        if (Plan(desired) is not { } plan)
        {
            return ExitCodes.Failed;
        }

        _output.WriteLine($"Destroy of stack '{desired.StackName}' (namespace {desired.Namespace}):");
        var (parent, _, readFailure) = await ReadParentAsync(plan, ct).ConfigureAwait(false);
        if (readFailure is not null)
        {
            return Stopped(readFailure, DestroyStoppedEarly);
        }

        var (members, listFailure) = await FindLiveMembersAsync(plan, parent!, ct).ConfigureAwait(false);
        if (listFailure is not null)
        {
            return Stopped(listFailure, DestroyStoppedEarly);
        }

        var outcomes = new List<ObjectOutcome>();
        var deleted = new List<ObjectRef>();
        var (failedMember, failure) = await DeleteInOrderAsync(
            members,
            member => member.Kind.IsCrd && !deleteCrd
                ? new ObjectOutcome(member, OutcomeKind.Keep, [], "deleting a CRD deletes all its custom resources; pass --delete-crd to delete it")
                : new ObjectOutcome(member, OutcomeKind.Delete, []),
            outcomes,
            deleted,
            ct).ConfigureAwait(false);
        if (failure is not null)
        {
            WriteFailure(failedMember, failure);
            WriteStopped("Destroy", deleted, members.Except(deleted).ToArray(), "deleted", "Run destroy again once the cause is fixed.");
            return ExitCodes.Failed;
        }

        var keptKinds = outcomes.Where(o => o.Kind == OutcomeKind.Keep).Select(o => o.Ref.Kind.GroupKind).ToArray();
        var parentResult = keptKinds.Length == 0
            ? await _api.DeleteAsync(plan.Parent, ct).ConfigureAwait(false)
            : await SendAsync(plan.ParentObject(keptKinds, []), dryRun: false, ct).ConfigureAwait(false);
        if (parentResult.Failure is { Kind: not FailureKind.NotFound } parentFailure)
        {
            WriteFailure(plan.Parent, parentFailure);
            WriteStopped("Destroy", deleted, [], "deleted", "Every member is gone, but the ApplySet parent could not be updated; run destroy again.");
            return ExitCodes.Failed;
        }

        var counts = Count(outcomes, (OutcomeKind.Delete, "deleted"), (OutcomeKind.Keep, "kept"));
        _output.WriteLine(outcomes.Count == 0 ? "Destroy: nothing to delete." : $"Destroy: {counts}.");
        return ExitCodes.Success;
    }
}

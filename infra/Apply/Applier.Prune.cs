namespace Gateway.Infra.Apply;

/// <summary>Finding the ApplySet's live members and deleting the ones no longer desired.</summary>
public sealed partial class Applier
{
    /// <summary>Live members of the ApplySet that the plan no longer contains, in deletion order.</summary>
    private async Task<(IReadOnlyList<ObjectRef> Orphans, KubeFailure? Failure)> FindOrphansAsync(StackPlan plan, ApplySetParent parent, CancellationToken ct)
    {
        var (members, failure) = await FindLiveMembersAsync(plan, parent, ct).ConfigureAwait(false);
        return (members.Where(m => !plan.Contains(m)).ToArray(), failure);
    }

    /// <summary>
    /// Lists every kind the parent records or the plan uses, in each recorded namespace (cluster-wide for cluster-scoped
    /// kinds), selecting by <c>applyset.kubernetes.io/part-of=&lt;id&gt;</c>. Objects that only share the stack's other
    /// labels are never selected. The result is in deletion order: reverse apply order.
    /// </summary>
    private async Task<(IReadOnlyList<ObjectRef> Members, KubeFailure? Failure)> FindLiveMembersAsync(StackPlan plan, ApplySetParent parent, CancellationToken ct)
    {
        var namespaces = plan.AdditionalNamespacesWith(parent).Prepend(plan.State.Namespace).Distinct().ToArray();
        var members = new List<ObjectRef>();
        foreach (var groupKind in plan.GroupKindsWith(parent).Order(StringComparer.Ordinal))
        {
            var kind = ResourceKindCatalog.FindByGroupKind(groupKind) ?? plan.Members.Select(m => m.Ref.Kind).FirstOrDefault(k => k.GroupKind == groupKind);
            if (kind is null)
            {
                // Recorded by an earlier version that knew this kind; without its REST path the applier cannot list it.
                _output.WriteLine($"  warning: the ApplySet records kind {groupKind}, which this version cannot list; its objects are left alone");
                continue;
            }

            foreach (var scope in kind.Namespaced ? namespaces.Cast<string?>() : [null])
            {
                var list = await _api.ListAsync(kind, scope, $"{ApplySet.PartOfLabel}={plan.Id}", ct).ConfigureAwait(false);
                if (list.Failure is { } failure)
                {
                    return (members, failure);
                }

                foreach (var item in list.Value!["items"]?.AsArray() ?? [])
                {
                    var name = item?["metadata"]?["name"]?.GetValue<string>();
                    if (name is not null)
                    {
                        members.Add(new ObjectRef(kind, kind.Namespaced ? item!["metadata"]?["namespace"]?.GetValue<string>() ?? scope : null, name));
                    }
                }
            }
        }

        // Within one kind, objects the plan lists go in reverse plan order; others after them by name.
        return (members.OrderByDescending(m => m.Kind.Rank).ThenByDescending(plan.IndexOf).ThenBy(m => m.ToString(), StringComparer.Ordinal).ToArray(), null);
    }

    /// <summary>
    /// Deletes <paramref name="targets"/> in order (prune's orphans, destroy's members) and reports each outcome;
    /// a target whose outcome is <see cref="OutcomeKind.Keep"/> is only reported. One already gone counts as deleted.
    /// Stops at the first other failure and returns it with its object, for the caller to report.
    /// </summary>
    private async Task<(ObjectRef? Failed, KubeFailure? Failure)> DeleteInOrderAsync(
        IReadOnlyList<ObjectRef> targets, Func<ObjectRef, ObjectOutcome> outcomeFor, List<ObjectOutcome> outcomes, List<ObjectRef> deleted, CancellationToken ct)
    {
        foreach (var target in targets)
        {
            var outcome = outcomeFor(target);
            if (outcome.Kind != OutcomeKind.Keep)
            {
                var result = await _api.DeleteAsync(target, ct).ConfigureAwait(false);
                if (result.Failure is { Kind: not FailureKind.NotFound } failure)
                {
                    return (target, failure);
                }

                deleted.Add(target);
            }

            outcomes.Add(outcome);
            WriteOutcome(outcome, preview: false);
        }

        return (null, null);
    }

    // A CRD is kept: deleting it deletes every custom resource of that kind in the cluster, which is never a side effect
    // of an ordinary up.
    private static ObjectOutcome PruneOutcome(ObjectRef orphan, bool preview) => orphan.Kind.IsCrd
        ? new ObjectOutcome(orphan, OutcomeKind.Keep, [], "a CRD is never pruned; destroy --delete-crd removes it")
        : new ObjectOutcome(orphan, OutcomeKind.Prune, [], preview ? "no longer in the stack" : null);
}

using Gateway.Infra.Commands;

namespace Gateway.Infra.Apply;

/// <summary>Output: one line per object, indented field changes, one message per failure, and summaries.</summary>
public sealed partial class Applier
{
    /// <summary>Writes an outcome line, then its changed fields; <paramref name="preview"/> picks "create" over "created".</summary>
    private void WriteOutcome(ObjectOutcome outcome, bool preview)
    {
        var (sigil, verb) = outcome.Kind switch
        {
            OutcomeKind.Create => ("+", preview ? "create" : "created"),
            OutcomeKind.Update => ("~", preview ? "update" : "updated"),
            OutcomeKind.NoChange => ("=", preview ? "no change" : "unchanged"),
            OutcomeKind.Prune => ("-", preview ? "prune" : "pruned"),
            OutcomeKind.Delete => ("-", "deleted"),
            _ => ("!", preview ? "keep" : "kept"),
        };
        var note = outcome.Note is null ? "" : $"  ({outcome.Note})";
        _output.WriteLine($"  {sigil} {verb,-10} {outcome.Ref}{note}");
        foreach (var change in outcome.Changes)
        {
            _output.WriteLine($"        {change.Render()}");
        }
    }

    /// <summary>Reports <paramref name="failure"/> and that the command <paramref name="stopped"/>; returns the exit code.</summary>
    private int Stopped(KubeFailure failure, string stopped)
    {
        WriteFailure(null, failure);
        _output.WriteLine(stopped);
        return ExitCodes.Failed;
    }

    /// <summary>
    /// The one error line for a failure. A field-manager conflict names every other manager and its fields and says how
    /// to proceed; an unreachable server names the address.
    /// </summary>
    private void WriteFailure(ObjectRef? target, KubeFailure failure)
    {
        var subject = target is null ? "" : $"{target}: ";
        var text = failure switch
        {
            { Kind: FailureKind.Unreachable } => $"cannot reach the Kubernetes API server at {_api.BaseUri}: {failure.Message}",
            { Kind: FailureKind.Conflict, Conflicts.Count: > 0 } => subject + ConflictText(failure.Conflicts),
            { StatusCode: { } code } => $"{subject}{failure.Message} (HTTP {code})",
            _ => subject + failure.Message,
        };
        _output.WriteLine($"error: {text}");
    }

    /// <summary>The summary line after a failure: what was done, what was not, and that nothing else happened.</summary>
    private void WriteStopped(string command, IReadOnlyCollection<ObjectRef> done, IReadOnlyCollection<ObjectRef> notDone, string doneVerb, string rest)
    {
        var doneText = done.Count == 0 ? $"nothing was {doneVerb}" : $"{doneVerb}: {string.Join(", ", done)}";
        var notDoneText = notDone.Count == 0 ? "" : $"; not {doneVerb}: {string.Join(", ", notDone)}";
        _output.WriteLine($"{command} stopped: {doneText}{notDoneText}. {rest}");
    }

    /// <summary>Counts outcomes as <c>2 created, 1 updated</c>, skipping kinds that did not occur.</summary>
    private static string Count(IEnumerable<ObjectOutcome> outcomes, params (OutcomeKind Kind, string Words)[] kinds)
    {
        var list = outcomes.ToList();
        var parts = kinds.Select(k => (Count: list.Count(o => o.Kind == k.Kind), k.Words)).Where(p => p.Count > 0).Select(p => $"{p.Count} {p.Words}");
        return string.Join(", ", parts);
    }

    private static string ConflictText(IReadOnlyList<FieldConflict> conflicts)
    {
        var owners = conflicts.GroupBy(c => c.Manager).Select(g => $"field manager \"{g.Key}\" owns {string.Join(", ", g.Select(c => c.Field))}");
        return $"conflict: {string.Join("; ", owners)}. Change those fields with the tool that owns them, or run again with --force-conflicts to take them over.";
    }
}

namespace Gateway.Infra.Commands;

/// <summary>The program's commands, named after Pulumi's workflow.</summary>
public enum CommandKind
{
    /// <summary>Prints every object as YAML (or writes one file per object); needs no cluster.</summary>
    Render,

    /// <summary>Server-side dry run and a diff against the cluster; changes nothing.</summary>
    Preview,

    /// <summary>Server-side apply in dependency order, wait for the rollout, prune.</summary>
    Up,

    /// <summary>Deletes what <see cref="Up"/> created, in reverse order; the CRD only with <c>--delete-crd</c>.</summary>
    Destroy,
}

namespace Gateway.Infra.Commands;

/// <summary>A parsed command line: which command, which stack, and the options that apply to it.</summary>
public sealed record CommandLine
{
    /// <summary>The command.</summary>
    public required CommandKind Command { get; init; }

    /// <summary>The stack name (<c>--stack</c>).</summary>
    public required string Stack { get; init; }

    /// <summary>A kubeconfig file (<c>--kubeconfig</c>); null means <c>KUBECONFIG</c>, then <c>~/.kube/config</c>, then in-cluster.</summary>
    public string? Kubeconfig { get; init; }

    /// <summary>The kubeconfig context (<c>--context</c>); null means the file's current context.</summary>
    public string? Context { get; init; }

    /// <summary>The folder render writes to (<c>--out</c>); null means standard output.</summary>
    public string? OutDirectory { get; init; }

    /// <summary>The route file (<c>--routes</c>); null means <c>routes.gw</c> in the current folder or the nearest one above it.</summary>
    public string? RoutesPath { get; init; }

    /// <summary>The folder of stack files (<c>--stacks</c>); null means <c>infra/stacks</c> found from the current folder.</summary>
    public string? StacksDirectory { get; init; }

    /// <summary>Destroy also deletes the APIDefinition CRD, and with it every tenant's APIDefinitions (<c>--delete-crd</c>).</summary>
    public bool DeleteCrd { get; init; }

    /// <summary>Take fields over from other field managers (<c>--force-conflicts</c>).</summary>
    public bool ForceConflicts { get; init; }
}

namespace Gateway.Infra.Commands;

/// <summary>The program's exit codes; scripts tell bad input from a failed rollout by them.</summary>
public static class ExitCodes
{
    /// <summary>Everything succeeded.</summary>
    public const int Success = 0;

    /// <summary>The cluster work failed (apply error, rollout timeout); the applier printed why.</summary>
    public const int Failed = 1;

    /// <summary>Bad input: arguments, stack file, route file or kubeconfig; nothing was sent to a cluster.</summary>
    public const int InvalidInput = 2;
}

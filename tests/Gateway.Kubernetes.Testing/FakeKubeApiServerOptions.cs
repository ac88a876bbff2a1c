namespace Gateway.Kubernetes.Testing;

/// <summary>
/// Behaviour of the fake's stand-ins for controllers. A real cluster sets these statuses through the apiextensions and
/// deployment controllers; the fake does the minimum tests need.
/// </summary>
public sealed record FakeKubeApiServerOptions
{
    /// <summary>Delay before a written CRD reports <c>Established=True</c>; null means never (to test the wait timing out).</summary>
    public TimeSpan? CrdEstablishedDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Delay before a Deployment whose generation changed reports a finished rollout; null means never, and tests drive
    /// progress with <see cref="FakeKubeApiServer.SetDeploymentRollout"/>.
    /// </summary>
    public TimeSpan? DeploymentRolloutDelay { get; init; }
}

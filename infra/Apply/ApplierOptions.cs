namespace Gateway.Infra.Apply;

/// <summary>Settings for <see cref="Applier"/>: who applies, whether conflicts are forced, and how long to wait.</summary>
public sealed record ApplierOptions
{
    /// <summary>The server-side apply field manager; one manager for every object of the stack.</summary>
    public string FieldManager { get; init; } = ApplySet.ToolName;

    /// <summary>Sends <c>force=true</c>, taking fields over from other managers (<c>--force-conflicts</c>).</summary>
    public bool ForceConflicts { get; init; }

    /// <summary>How long <c>up</c> waits for a Deployment rollout to finish.</summary>
    public TimeSpan RolloutTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long <c>up</c> waits for a CRD to report <c>Established</c>.</summary>
    public TimeSpan CrdTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How often status is polled while waiting.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);
}

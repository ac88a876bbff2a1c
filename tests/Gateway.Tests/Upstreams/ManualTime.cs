namespace Gateway.Tests.Upstreams;

/// <summary>A clock that moves only when told to, for passive-health tests.</summary>
public sealed class ManualTime : TimeProvider
{
    private long _ticks = 1_000_000;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override long GetTimestamp() => _ticks;

    /// <summary>Moves the clock on by <paramref name="by"/>.</summary>
    public void Advance(TimeSpan by) => _ticks += by.Ticks;
}

namespace Gateway.Tests.Common;

/// <summary>A time provider whose timers fire only when the test calls <see cref="Advance"/>, so timeouts are tested
/// without waiting for them.</summary>
public sealed class ManualTimers : TimeProvider
{
    private readonly List<Timer> _timers = new();
    private TimeSpan _now;

    /// <summary>Moves time forward by <paramref name="by"/> and fires every timer now due, once.</summary>
    public void Advance(TimeSpan by)
    {
        _now += by;
        foreach (var timer in _timers.Where(t => t.Due <= _now).ToList())
        {
            _timers.Remove(timer);
            timer.Fire();
        }
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state, _now + dueTime);
        _timers.Add(timer);
        return timer;
    }

    /// <summary>A one-shot timer; periods are not needed by the subjects.</summary>
    private sealed class Timer(ManualTimers owner, TimerCallback callback, object? state, TimeSpan due) : ITimer
    {
        public TimeSpan Due { get; } = due;

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException();

        public void Dispose() => owner._timers.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

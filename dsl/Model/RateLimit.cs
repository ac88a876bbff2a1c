using System;

namespace Gateway.Dsl.Model;

/// <summary>A route's request rate limit: <c>limit 100/s burst 200 by client_ip</c>.</summary>
/// <remarks>A token bucket per key: it holds up to <see cref="Burst"/> tokens, refills at <see cref="Permits"/> per
/// <see cref="Window"/>, and a request takes one token or is refused with 429.</remarks>
public sealed record RateLimit
{
    /// <summary>Requests admitted per <see cref="Window"/> in the long run.</summary>
    public required int Permits { get; init; }

    /// <summary>The window of <see cref="Permits"/>: one second, minute or hour.</summary>
    public required TimeSpan Window { get; init; }

    /// <summary>The most requests admitted at once after a quiet spell (the bucket's size); <see cref="Permits"/> unless
    /// <c>burst</c> says otherwise.</summary>
    public required int Burst { get; init; }

    /// <summary>What requests are counted by.</summary>
    public required RateLimitKey Key { get; init; }

    /// <summary>Whether the count is shared by every gateway replica through Redis (<c>global</c>).</summary>
    public bool Global { get; init; }

    /// <summary>For a global limit, whether requests fall back to a local bucket (true, <c>fail open</c>) or are refused
    /// with 503 (false, <c>fail closed</c>) while Redis cannot be asked.</summary>
    public bool FailOpen { get; init; } = true;

    /// <summary>The 1-based line of the <c>limit</c> directive.</summary>
    public required int Line { get; init; }

    /// <summary>The rate as a route file writes it: <c>100/s</c>.</summary>
    public string RateText => Permits + "/" + (Window.TotalHours >= 1 ? "h" : Window.TotalMinutes >= 1 ? "m" : "s");

    /// <summary>The directive as a route file writes it, every option spelled out.</summary>
    public override string ToString() =>
        "limit " + RateText + " burst " + Burst + " by " + Key + (Global ? " global fail " + (FailOpen ? "open" : "closed") : string.Empty);
}

using System;
using System.Text;

namespace Gateway.Dsl.Model;

/// <summary>A route's retries: <c>retry 2 on connect-failure 503 methods GET PUT backoff 50ms</c>.</summary>
public sealed record RetryPolicy
{
    /// <summary>The idempotent methods (RFC 9110, section 9.2.2): what a <c>retry</c> line without <c>methods</c> retries.</summary>
    public const MethodSet IdempotentMethods = MethodSet.Get | MethodSet.Head | MethodSet.Options | MethodSet.Put | MethodSet.Delete | MethodSet.Trace;

    /// <summary>Attempts after the first, at most.</summary>
    public required int Retries { get; init; }

    /// <summary>What is retried.</summary>
    public RetryConditions On { get; init; } = RetryConditions.Default;

    /// <summary>The methods that are retried.</summary>
    public MethodSet Methods { get; init; } = IdempotentMethods;

    /// <summary>The base of the exponential back-off between attempts (25 ms, as Envoy's).</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>The 1-based line of the <c>retry</c> directive.</summary>
    public required int Line { get; init; }

    /// <summary>The directive as a route file writes it, every option spelled out.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("retry ").Append(Retries).Append(" on");
        foreach (var (flag, word) in new[]
        {
            (RetryConditions.ConnectFailure, "connect-failure"), (RetryConditions.Reset, "reset"), (RetryConditions.Timeout, "timeout"),
            (RetryConditions.Status502, "502"), (RetryConditions.Status503, "503"), (RetryConditions.Status504, "504"),
        })
        {
            if ((On & flag) != 0)
            {
                text.Append(' ').Append(word);
            }
        }

        text.Append(" methods");
        foreach (var method in MethodSetBits.Each(Methods))
        {
            text.Append(' ').Append(MethodSetBits.Name(method));
        }

        return text.Append(" backoff ").Append((long)Backoff.TotalMilliseconds).Append("ms").ToString();
    }
}

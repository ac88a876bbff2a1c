using Gateway.Pipeline;
using Gateway.Responses;
using Microsoft.Extensions.Logging;

namespace Gateway.Forwarding;

/// <summary>What a forwarding failure means for the client and for the log.</summary>
/// <param name="StatusCode">The status answered when the response has not started yet (and logged).</param>
/// <param name="Level">The log level: Warning when the upstream failed, Debug when the client went away.</param>
/// <param name="Problem">The body answered, or null when the client caused the failure (aborted, or broke its request
/// body) and nothing is written back.</param>
/// <param name="Reason">The request's outcome reason.</param>
public readonly record struct ForwardErrorOutcome(int StatusCode, LogLevel Level, ProblemResponse? Problem, OutcomeReason Reason)
{
    /// <summary>An outcome that answers <paramref name="problem"/>, with its status.</summary>
    public ForwardErrorOutcome(ProblemResponse problem, LogLevel level, OutcomeReason reason)
        : this(problem.Status, level, problem, reason)
    {
    }

    /// <summary>Whether the client caused it; then nothing is written back.</summary>
    public bool ClientFault => Problem is null;
}

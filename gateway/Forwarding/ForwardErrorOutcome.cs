using Microsoft.Extensions.Logging;

namespace Gateway.Forwarding;

/// <summary>What a forwarding failure means for the client and for the log.</summary>
/// <param name="StatusCode">The status answered when the response has not started yet.</param>
/// <param name="Level">The log level: Warning when the upstream failed, Debug when the client went away.</param>
/// <param name="ClientFault">Whether the client caused it (aborted, or broke its request body); then nothing is written back.</param>
public readonly record struct ForwardErrorOutcome(int StatusCode, LogLevel Level, bool ClientFault);

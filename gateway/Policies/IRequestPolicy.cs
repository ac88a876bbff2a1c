using Gateway.Pipeline;

namespace Gateway.Policies;

/// <summary>One step between matching and the route's action: built once per table snapshot from checked settings,
/// then called for every request of its route, concurrently.</summary>
/// <remarks>Implement this to write a policy in C#: mark the class <c>[GatewayPolicy("name")]</c> and reference it from
/// <c>routes.gw</c> with <c>plugin name ARG…</c>. A policy that answers writes the response (usually through
/// <see cref="RequestContext.AnswerAsync"/>) and returns <see cref="PolicyResult.Answered"/>.</remarks>
public interface IRequestPolicy
{
    /// <summary>Continues or answers the request.</summary>
    ValueTask<PolicyResult> ApplyAsync(RequestContext context);
}

using Gateway.Dsl.Model;
using Gateway.Pipeline;

namespace Gateway.Policies;

/// <summary><c>request-header set|add|remove</c>: changes the headers the upstream receives.</summary>
/// <remarks>The request's own header collection is edited, and the forwarder copies it; nothing is kept per request.</remarks>
public sealed class RequestHeaderPolicy : IRequestPolicy
{
    private readonly HeaderEdit[] _edits;

    /// <summary>Creates the policy for <paramref name="edits"/>, applied in order.</summary>
    public RequestHeaderPolicy(IEnumerable<HeaderEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        _edits = edits.ToArray();
    }

    /// <inheritdoc/>
    public ValueTask<PolicyResult> ApplyAsync(RequestContext context)
    {
        HeaderEdits.Apply(context.Http.Request.Headers, _edits);
        return ValueTask.FromResult(PolicyResult.Continue);
    }
}

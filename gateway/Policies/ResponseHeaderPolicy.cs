using Gateway.Dsl.Model;
using Gateway.Pipeline;

namespace Gateway.Policies;

/// <summary><c>response-header set|add|remove</c>: changes the headers of every response of the route.</summary>
public sealed class ResponseHeaderPolicy : IResponsePolicy
{
    private readonly HeaderEdit[] _edits;

    /// <summary>Creates the policy for <paramref name="edits"/>, applied in order.</summary>
    public ResponseHeaderPolicy(IEnumerable<HeaderEdit> edits)
    {
        ArgumentNullException.ThrowIfNull(edits);
        _edits = edits.ToArray();
    }

    /// <inheritdoc/>
    public void Apply(RequestContext context) => HeaderEdits.Apply(context.Http.Response.Headers, _edits);
}

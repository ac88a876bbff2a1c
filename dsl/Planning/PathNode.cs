using System.Collections.Generic;
using Gateway.Dsl.Collections;

namespace Gateway.Dsl.Planning;

/// <summary>A node of the segment trie: the routes that share the path's first <see cref="Depth"/> segments by kind.</summary>
/// <remarks>Children are tried in precedence order: <see cref="Literals"/> (at most one can equal the segment), then
/// <see cref="Constrained"/>, then <see cref="Parameter"/>. When the path ends here, <see cref="Terminal"/> routes come
/// first, then <see cref="CatchAll"/>; when it goes on, catch-all candidates are tried after every child failed.</remarks>
public sealed record PathNode
{
    /// <summary>A number unique within the plan, assigned in depth-first order (names emitted methods).</summary>
    public required int Id { get; init; }

    /// <summary>The number of segments consumed to reach this node.</summary>
    public required int Depth { get; init; }

    /// <summary>The path so far in template form, for comments: <c>/users/{:int}</c>.</summary>
    public required string Pattern { get; init; }

    /// <summary>Children keyed by literal segment text, sorted ordinally.</summary>
    public required EquatableArray<LiteralEdge> Literals { get; init; }

    /// <summary>The child for parameters with a constraint; each candidate below checks its own constraints.</summary>
    public required PathNode? Constrained { get; init; }

    /// <summary>The child for unconstrained parameters.</summary>
    public required PathNode? Parameter { get; init; }

    /// <summary>Routes whose path ends exactly here, in precedence order.</summary>
    public required EquatableArray<Candidate> Terminal { get; init; }

    /// <summary>Routes whose catch-all starts here (matching zero or more further segments), in precedence order.</summary>
    public required EquatableArray<Candidate> CatchAll { get; init; }

    /// <summary>The children in the order a walk tries them: literals, then the constrained child, then the parameter child.</summary>
    public IEnumerable<PathNode> Children()
    {
        foreach (var edge in Literals)
        {
            yield return edge.Node;
        }

        if (Constrained is not null)
        {
            yield return Constrained;
        }

        if (Parameter is not null)
        {
            yield return Parameter;
        }
    }
}

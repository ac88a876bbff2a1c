using Gateway.Dsl.Collections;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Model;

/// <summary>One checked route: what it matches and what it does with a match.</summary>
public sealed record Route
{
    /// <summary>The route's name, unique in the file.</summary>
    public required string Name { get; init; }

    /// <summary>The route's position in <see cref="RouteTable.Routes"/>; matchers return it.</summary>
    public required int Index { get; init; }

    /// <summary>The 1-based line of the <c>route</c> keyword.</summary>
    public required int Line { get; init; }

    /// <summary>The span of the route's name in the file, for diagnostics that point at the route.</summary>
    public TextSpan NameSpan { get; init; }

    /// <summary>Host patterns; empty means any host.</summary>
    public required EquatableArray<HostPattern> Hosts { get; init; }

    /// <summary>Methods the route accepts; <see cref="MethodSet.None"/> means any method.</summary>
    public required MethodSet Methods { get; init; }

    /// <summary>The path template.</summary>
    public required PathTemplate Path { get; init; }

    /// <summary>Header conditions; all must hold.</summary>
    public required EquatableArray<HeaderMatch> Headers { get; init; }

    /// <summary>Query conditions; all must hold.</summary>
    public required EquatableArray<QueryMatch> Queries { get; init; }

    /// <summary>Breaks ties between equally specific routes; higher wins. Never overrides specificity.</summary>
    public required int Priority { get; init; }

    /// <summary>What the gateway does with a matched request.</summary>
    public required RouteAction Action { get; init; }

    /// <summary>What happens between matching and the action: authentication, CORS, transforms, plugins.</summary>
    public RoutePolicies Policies { get; init; } = RoutePolicies.None;
}

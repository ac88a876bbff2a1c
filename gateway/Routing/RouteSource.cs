using Gateway.Dsl.Planning;

namespace Gateway.Routing;

/// <summary>Where a route table comes from: the text to check, and how to get a matcher for it.</summary>
/// <param name="Text">The route file's contents.</param>
/// <param name="Path">The path printed in diagnostics and logs.</param>
/// <param name="Router">The matcher's kind, for logs: <c>compiled</c> or <c>interpreted</c>.</param>
/// <param name="CreateMatcher">Builds the matcher; the compiled router ignores the plan, the interpreter walks it.</param>
public sealed record RouteSource(string Text, string Path, string Router, Func<MatchPlan, IRouteMatcher> CreateMatcher)
{
    /// <summary>A route file read at startup (or on reload), matched by the interpreter over its plan.</summary>
    public static RouteSource Interpreted(string text, string path) =>
        new(text, path, "interpreted", static plan => new InterpretedRouteMatcher(plan));
}

using Gateway.Dsl.Collections;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Model;

/// <summary><c>plugin NAME ARG…</c>: a policy written in C#, found by name, with its arguments as written.</summary>
/// <remarks>The language cannot see C# types; the source generator checks the name and the argument types against the
/// policy's constructor at build time, and the gateway applies the same check when it loads a file at run time.</remarks>
public sealed record PluginCall
{
    /// <summary>The name the C# policy registers with <c>[GatewayPolicy("NAME")]</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The arguments' values (words as written, strings unescaped).</summary>
    public required EquatableArray<string> Arguments { get; init; }

    /// <summary>The 1-based line of the directive.</summary>
    public required int Line { get; init; }

    /// <summary>Where the name is in the file, for errors that point at it.</summary>
    public required TextSpan NameSpan { get; init; }

    /// <summary>Where each argument is in the file, for errors that point at it.</summary>
    public required EquatableArray<TextSpan> ArgumentSpans { get; init; }
}

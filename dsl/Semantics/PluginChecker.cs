using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Semantics;

/// <summary>Checks <c>plugin NAME ARG…</c> lines against the policies written in C#: the name must be registered, and the
/// arguments must fit the constructor in number (GW0906) and type (GW0905).</summary>
/// <remarks>The language cannot see C# types, so this check runs after the checker, given the plugins' signatures: by the
/// generator at build time, and by the gateway when it loads a route file at run time. Both call this class, so both
/// report the same codes, spans and messages.</remarks>
public static class PluginChecker
{
    /// <summary>Checks every <c>plugin</c> line of <paramref name="table"/>; returns the diagnostics sorted by position.</summary>
    /// <param name="table">A checked table.</param>
    /// <param name="source">The file's text, for the diagnostics' lines and columns.</param>
    /// <param name="plugins">The registered plugins.</param>
    /// <param name="skipped">Names whose C# class is itself broken (reported there), so their calls are not checked.</param>
    public static EquatableArray<Diagnostic> Check(RouteTable table, SourceText source, IReadOnlyList<PluginSignature> plugins, IReadOnlyCollection<string>? skipped = null) =>
        Check(table.PluginCalls, source, plugins, skipped);

    /// <summary>Checks <paramref name="calls"/> (<see cref="CheckResult.PluginCalls"/>, also of a file with other errors).</summary>
    public static EquatableArray<Diagnostic> Check(IReadOnlyList<PluginCall> calls, SourceText source, IReadOnlyList<PluginSignature> plugins, IReadOnlyCollection<string>? skipped = null)
    {
        var diagnostics = new DiagnosticBag(source);
        foreach (var call in calls)
        {
            if (skipped is not null && skipped.Contains(call.Name))
            {
                continue;
            }

            foreach (var problem in FindProblems(call, plugins))
            {
                diagnostics.Error(problem.Code, problem.Span, problem.Message);
            }
        }

        return diagnostics.ToSortedArray();
    }

    /// <summary>The first problem of <paramref name="call"/>'s message, or null when it is fine: what the generated
    /// registry answers when asked to build a plugin from a call the build did not check.</summary>
    public static string? FirstProblem(PluginCall call, IReadOnlyList<PluginSignature> plugins) =>
        FindProblems(call, plugins).FirstOrDefault()?.Message;

    /// <summary>Every problem of one call: an unknown name alone, else a wrong count and each argument of a wrong type.</summary>
    public static IReadOnlyList<PluginProblem> FindProblems(PluginCall call, IReadOnlyList<PluginSignature> plugins)
    {
        var signature = plugins.FirstOrDefault(plugin => plugin.Name == call.Name);
        if (signature is null)
        {
            return new[] { Problem(DiagnosticCode.UnknownPlugin, call.NameSpan, UnknownMessage(call.Name, plugins)) };
        }

        var problems = new List<PluginProblem>();
        var parameters = signature.Parameters;
        var arguments = call.Arguments;
        if (arguments.Count < signature.RequiredCount || arguments.Count > parameters.Count)
        {
            // Too many points at the extra arguments; too few at the name, since nothing written is wrong.
            var span = arguments.Count > parameters.Count
                ? TextSpan.FromBounds(call.ArgumentSpans[parameters.Count].Start, call.ArgumentSpans[arguments.Count - 1].End)
                : call.NameSpan;
            problems.Add(Problem(DiagnosticCode.PluginArgumentCount, span, CountMessage(signature, arguments.Count)));
        }

        for (var i = 0; i < arguments.Count && i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            if (!PluginArguments.Fits(parameter, arguments[i]))
            {
                var message = "'" + arguments[i] + "' is not " + PluginArguments.Describe(parameter) + " for parameter '" + parameter.Name
                    + "' of plugin '" + signature.Name + "'" + PluginArguments.Help(parameter, arguments[i]);
                problems.Add(Problem(DiagnosticCode.InvalidPluginArgument, call.ArgumentSpans[i], message));
            }
        }

        return problems;
    }

    private static string UnknownMessage(string name, IReadOnlyList<PluginSignature> plugins)
    {
        var names = plugins.Select(plugin => plugin.Name).ToList();
        var mark = "[GatewayPolicy(\"" + name + "\")]";
        if (NameSuggester.Suggest(name, names) is { } suggestion)
        {
            return "plugin '" + name + "' is not defined; did you mean '" + suggestion + "'?";
        }

        return names.Count == 0
            ? "plugin '" + name + "' is not defined; mark a class that implements IRequestPolicy with " + mark
            : "plugin '" + name + "' is not defined; use " + JoinWithOr(names) + ", or mark a class that implements IRequestPolicy with " + mark;
    }

    private static string CountMessage(PluginSignature signature, int found)
    {
        int min = signature.RequiredCount, max = signature.Parameters.Count;
        var takes = min == max ? Arguments(max)
            : min == 0 ? "at most " + Arguments(max)
            : min.ToString(CultureInfo.InvariantCulture) + " to " + Arguments(max);
        return "plugin '" + signature.Name + "' takes " + takes + ", found " + found.ToString(CultureInfo.InvariantCulture)
            + "; write '" + signature.Usage + "'";
    }

    private static string Arguments(int count) => count switch
    {
        0 => "no arguments",
        1 => "1 argument",
        _ => count.ToString(CultureInfo.InvariantCulture) + " arguments",
    };

    private static string JoinWithOr(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1];

    private static PluginProblem Problem(string code, TextSpan span, string message) => new() { Code = code, Span = span, Message = message };
}

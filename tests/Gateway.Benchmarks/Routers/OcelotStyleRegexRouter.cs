using System.Text;
using System.Text.RegularExpressions;
using Gateway.Benchmarks.Tables;
using Microsoft.AspNetCore.Http;

namespace Gateway.Benchmarks.Routers;

/// <summary>First-match routing over a list of compiled regexes, the way Ocelot routes (reimplemented, not copied).</summary>
/// <remarks>
/// Ocelot's <c>DownstreamRouteFinder</c> keeps the routes whose method fits, then tries each route's
/// <c>^(?i)…$</c> pattern in order and takes the first that matches. This class does the same without the LINQ
/// (which would only add allocations): the cost grows with the number of routes scanned before the match.
/// Constraints such as <c>:int</c> are not checked, as in Ocelot; the synthetic tables never depend on them.
/// </remarks>
public sealed class OcelotStyleRegexRouter
{
    private readonly string[] _methods;
    private readonly Regex[] _patterns;

    /// <summary>Compiles one pattern per route, in table order; every route accepts GET only, like the table's <c>method GET</c>.</summary>
    public OcelotStyleRegexRouter(IReadOnlyList<SyntheticRoute> routes)
    {
        _methods = new string[routes.Count];
        _patterns = new Regex[routes.Count];
        for (var i = 0; i < routes.Count; i++)
        {
            _methods[i] = HttpMethods.Get;
            _patterns[i] = new Regex(ToPattern(routes[i].Template), RegexOptions.Compiled);
        }
    }

    /// <summary>The index of the first route whose method and pattern match, or -1.</summary>
    public int Match(string method, string path)
    {
        var methods = _methods;
        var patterns = _patterns;
        for (var i = 0; i < patterns.Length; i++)
        {
            if (string.Equals(methods[i], method, StringComparison.OrdinalIgnoreCase) && patterns[i].IsMatch(path))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The regex for a gateway template: <c>{x}</c> and <c>{x:c}</c> → <c>[^/]+</c>, a trailing <c>**</c> → <c>.*</c>,
    /// literal text escaped, the whole anchored and case-insensitive.</summary>
    public static string ToPattern(string template)
    {
        var pattern = new StringBuilder("^(?i)");
        var literalStart = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '{')
            {
                pattern.Append(Regex.Escape(template[literalStart..i])).Append("[^/]+");
                i = template.IndexOf('}', i);
                literalStart = i + 1;
            }
            else if (template[i] == '*' && i + 1 < template.Length && template[i + 1] == '*')
            {
                pattern.Append(Regex.Escape(template[literalStart..i])).Append(".*");
                i++;
                literalStart = i + 1;
            }
        }

        return pattern.Append(Regex.Escape(template[literalStart..])).Append('$').ToString();
    }
}

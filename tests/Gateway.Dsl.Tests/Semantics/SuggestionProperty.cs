using System.Text.RegularExpressions;

namespace Gateway.Dsl.Tests.Semantics;

/// <summary>The property every "write 'X'" suggestion of an address or endpoint diagnostic has: X, fed back, checks clean.</summary>
internal static class SuggestionProperty
{
    private const string Route = "route r {\n  path /\n  to u\n}\n";
    private const string Upstream = "upstream u {\n  endpoints http://127.0.0.1:5001\n}\n";

    /// <summary>The quoted texts after the message's last "write": <c>write '0.0.0.0:8080' … or '127.0.0.1:8080' …</c>.</summary>
    public static IReadOnlyList<string> Suggestions(string message)
    {
        var write = message.LastIndexOf("write ", StringComparison.Ordinal);
        return write < 0 ? [] : Regex.Matches(message.Substring(write), "'([^']*)'").Select(m => m.Groups[1].Value).ToList();
    }

    /// <summary>The diagnostics of a file that uses <paramref name="address"/> as its <c>listen</c> address.</summary>
    public static IReadOnlyList<string> CheckListen(string address) =>
        RouteFile.Parse("listen " + address + "\n" + Upstream + Route, "s.gw").Diagnostics.Select(d => d.ToString()).ToList();

    /// <summary>The diagnostics of a file whose only upstream has <paramref name="endpoint"/>.</summary>
    public static IReadOnlyList<string> CheckEndpoint(string endpoint) =>
        RouteFile.Parse("upstream u {\n  endpoints " + endpoint + "\n}\n" + Route, "s.gw").Diagnostics.Select(d => d.ToString()).ToList();
}

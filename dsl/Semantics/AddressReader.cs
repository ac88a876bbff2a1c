using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads the <c>host:port</c> argument of <c>listen</c> and <c>admin</c> with <see cref="ListenAddressParser"/>.</summary>
/// <remarks>A route file names fixed ports, so port 0 ("any free port") is rejected here; the gateway's configuration
/// overrides allow it for tests.</remarks>
internal static class AddressReader
{
    /// <summary>Checks <paramref name="token"/> and returns the address, or null after reporting what is wrong.</summary>
    public static ListenAddress? Read(DiagnosticBag diagnostics, Token token, int line)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "an address"))
        {
            return null;
        }

        var result = ListenAddressParser.Parse(token.Text, allowPortZero: false);
        if (result.Problem is { } problem)
        {
            diagnostics.Error(problem.Code, TokenChecks.Inside(token, problem.Start, problem.Length), problem.Message);
            return null;
        }

        return new ListenAddress { Host = result.Host!, Port = result.Port, Line = line };
    }
}

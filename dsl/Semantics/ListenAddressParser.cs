using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gateway.Dsl.Diagnostics;

namespace Gateway.Dsl.Semantics;

/// <summary>The one rule for a listener address, <c>host:port</c>: the route file's <c>listen</c> and <c>admin</c>, and the
/// gateway's configuration overrides.</summary>
/// <remarks>
/// The host is an IPv4 address, a host name such as <c>localhost</c>, <c>*</c> for every interface, or an IPv6 address in
/// brackets (<c>[::1]:9901</c>), the form Kestrel's URLs use. Every "write 'X'" in a problem's message is an address that
/// this parser accepts: a suggestion is tried before it is offered.
/// </remarks>
public static class ListenAddressParser
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="allowPortZero"/> admits port 0 ("any free port", for tests).</summary>
    public static ListenAddressParseResult Parse(string text, bool allowPortZero)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Fail(DiagnosticCode.InvalidAddress, 0, 0, "the address is empty; write '0.0.0.0:8080'");
        }

        // Brackets first: inside them the colons belong to the IPv6 address, after them comes the port.
        string host;
        int colon;
        if (text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                return Fail(DiagnosticCode.InvalidAddress, 0, text.Length, "address '" + text + "' has no closing ']'; write an IPv6 address as '[::1]:9901'");
            }

            // The result keeps the brackets, which is the form Kestrel URLs need.
            host = text.Substring(0, close + 1);
            if (!IPAddress.TryParse(text.Substring(1, close - 1), out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return Fail(DiagnosticCode.InvalidAddress, 0, close + 1, "'" + host + "' is not an IPv6 address; write one as '[::1]:9901'");
            }

            colon = close + 1 < text.Length ? close + 1 : -1;
            if (colon >= 0 && text[colon] != ':')
            {
                return Fail(DiagnosticCode.InvalidAddress, colon, text.Length - colon, "expected ':' and a port after '" + host + "'; write '" + host + ":8080'");
            }
        }
        else
        {
            // 'listen 8080' is a port without a host: the most common slip, with the most likely fixes.
            colon = text.LastIndexOf(':');
            if (colon < 0 && NameRules.AllDigits(text))
            {
                return ReadPort(text, 0, allowPortZero, "0.0.0.0:8080") is { } portProblem
                    ? portProblem
                    : Fail(DiagnosticCode.InvalidAddress, 0, text.Length, "address '" + text + "' has no host; write '0.0.0.0:" + text + "' to listen on every interface or '127.0.0.1:" + text + "' for this machine only");
            }

            // Without brackets the last ':' separates the port; a second ':' means an unbracketed IPv6 address.
            host = colon < 0 ? text : text.Substring(0, colon);
            if (host.IndexOf(':') >= 0)
            {
                // '::1:9901' is ambiguous: the port cannot be told from the address without brackets.
                var bracketed = "[" + host + "]" + text.Substring(colon);
                return Fail(
                    DiagnosticCode.InvalidAddress,
                    0,
                    host.Length,
                    "IPv6 address '" + host + "' needs brackets; " + (IsClean(bracketed, allowPortZero) ? "write '" + bracketed + "'" : "write it as in '[::1]:9901'"));
            }

            if (CheckHost(text, host, colon, allowPortZero) is { } hostProblem)
            {
                return hostProblem;
            }
        }

        // Kestrel needs an explicit port; there is no default to fall back on for either listener.
        if (colon < 0)
        {
            return Fail(DiagnosticCode.InvalidAddress, 0, text.Length, "address '" + text + "' has no port; write '" + host + ":8080'");
        }

        if (colon == text.Length - 1)
        {
            return Fail(DiagnosticCode.InvalidPort, colon, 1, "address '" + text + "' has no port after ':'; write '" + host + ":8080'");
        }

        var portText = text.Substring(colon + 1);
        if (ReadPort(portText, colon + 1, allowPortZero, host + ":8080") is { } problem)
        {
            return problem;
        }

        return new ListenAddressParseResult { Host = host, Port = int.Parse(portText, CultureInfo.InvariantCulture) };
    }

    /// <summary>Checks the part before the port: <c>*</c>, an IPv4 address or a host name; returns the problem or null.</summary>
    /// <remarks>A host of digits and dots must be a real IPv4 address, so that <c>256.0.0.1</c> is not taken for a name.</remarks>
    private static ListenAddressParseResult? CheckHost(string text, string host, int colon, bool allowPortZero)
    {
        if (host.Length == 0)
        {
            // ':8080' keeps its port in the fix; ':0' or ':x' would not check, so the fix then shows a whole address.
            var port = text.Substring(colon + 1);
            var fix = IsClean("0.0.0.0:" + port, allowPortZero) ? "'0.0.0.0:" + port + "' or '*:" + port + "'" : "a host and a port, e.g. '0.0.0.0:8080'";
            return Fail(DiagnosticCode.InvalidAddress, 0, 1, "address '" + text + "' has no host; write " + fix);
        }

        // One pass classifies the host: all digits and dots (must be IPv4) or a name of letters, digits, '-' and '.'.
        var looksNumeric = true;
        var valid = true;
        foreach (var c in host)
        {
            looksNumeric &= NameRules.IsDigit(c) || c == '.';
            valid &= NameRules.IsHostChar(c);
        }

        valid = host == "*" || (looksNumeric ? NameRules.IsIPv4(host) : valid && host[0] != '.' && host[host.Length - 1] != '.' && host.IndexOf("..", System.StringComparison.Ordinal) < 0);
        return valid
            ? null
            : Fail(DiagnosticCode.InvalidAddress, 0, host.Length, "'" + host + "' is not a host to listen on; use an IPv4 address, a host name, '*' or '[IPv6]'");
    }

    /// <summary>Checks a port at <paramref name="start"/>: digits, from 1 (or 0 when allowed) to 65535.</summary>
    private static ListenAddressParseResult? ReadPort(string text, int start, bool allowPortZero, string example)
    {
        if (!NameRules.AllDigits(text))
        {
            return Fail(DiagnosticCode.InvalidPort, start, text.Length, "port '" + text + "' is not a number; write a port from 1 to 65535");
        }

        // More than five digits cannot be a port and could overflow int.Parse.
        var port = text.Length > 5 ? -1 : int.Parse(text, CultureInfo.InvariantCulture);
        if (port == 0 && !allowPortZero)
        {
            // Port 0 asks the OS for any free port: fine for tests, useless for a listener that clients must find.
            return Fail(DiagnosticCode.InvalidPort, start, text.Length, "port 0 would be any free port, which no client could find; write a port from 1 to 65535, e.g. '" + example + "'");
        }

        if (port is < 0 or > 65535)
        {
            return Fail(DiagnosticCode.InvalidPort, start, text.Length, "port '" + text + "' is out of range; use " + (allowPortZero ? "0" : "1") + " to 65535");
        }

        return null;
    }

    private static bool IsClean(string text, bool allowPortZero) => Parse(text, allowPortZero).Problem is null;

    private static ListenAddressParseResult Fail(string code, int start, int length, string message) =>
        new() { Problem = new ListenAddressProblem { Code = code, Start = start, Length = length, Message = message } };
}

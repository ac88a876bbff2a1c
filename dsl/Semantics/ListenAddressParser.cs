using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gateway.Dsl.Diagnostics;

namespace Gateway.Dsl.Semantics;

/// <summary>The one rule for a listener address, <c>host:port</c>: the route file's <c>listen</c> and <c>admin</c>, and the
/// gateway's configuration overrides.</summary>
/// <remarks>
/// The host is an IPv4 address, <c>localhost</c> (IPv4 loopback), <c>*</c> for every IPv4 interface, or an IPv6 address in
/// brackets (<c>[::1]:9901</c>), the form Kestrel's URLs use; other host names are rejected with a fix. Every "write 'X'"
/// in a problem's message is an address that this parser accepts: a suggestion is tried before it is offered.
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

        return new ListenAddressParseResult { Host = host, Address = ToIPAddress(host), Port = int.Parse(portText, CultureInfo.InvariantCulture) };
    }

    /// <summary>Checks the part before the port: <c>*</c>, <c>localhost</c> or an IPv4 address; returns the problem or null.</summary>
    /// <remarks>Other host names are rejected rather than resolved: a listener binds addresses of this machine, a name
    /// could resolve to several or to none at start-up, and in a container every interface (<c>0.0.0.0</c>) is the
    /// usual choice. A host of digits and dots must be a real IPv4 address, so that <c>256.0.0.1</c> is not a name.</remarks>
    private static ListenAddressParseResult? CheckHost(string text, string host, int colon, bool allowPortZero)
    {
        if (ToIPAddress(host) is not null)
        {
            return null;
        }

        // The fixes keep the given port when it is valid; ':0' or ':x' would not check, so they then show a whole address.
        // (Only here, after the host failed: '0.0.0.0' passes above, so checking the fix cannot recurse.)
        var port = colon < 0 ? string.Empty : text.Substring(colon + 1);
        var portIsValid = IsClean("0.0.0.0:" + port, allowPortZero);
        var anyInterface = "0.0.0.0:" + (portIsValid ? port : "8080");
        if (host.Length == 0)
        {
            var fix = portIsValid ? "'" + anyInterface + "' or '*:" + port + "'" : "a host and a port, e.g. '" + anyInterface + "'";
            return Fail(DiagnosticCode.InvalidAddress, 0, 1, "address '" + text + "' has no host; write " + fix);
        }

        // One pass classifies the host: all digits and dots (meant as IPv4) or a name of letters, digits, '-' and '.'.
        var looksNumeric = true;
        var looksLikeName = true;
        foreach (var c in host)
        {
            looksNumeric &= NameRules.IsDigit(c) || c == '.';
            looksLikeName &= NameRules.IsHostChar(c);
        }

        var message = looksNumeric
            ? "'" + host + "' is not an IPv4 address; use four numbers from 0 to 255, as in '" + anyInterface + "'"
            : looksLikeName
                ? "'" + host + "' is a host name, and the gateway binds IP addresses only; write '" + anyInterface + "' to listen on every interface, or an IP address of this machine"
                : "'" + host + "' is not a host to listen on; use an IPv4 address, '[IPv6]', 'localhost' or '*' before the port, as in '" + anyInterface + "'";
        return Fail(DiagnosticCode.InvalidAddress, 0, host.Length, message);
    }

    /// <summary>The address a checked host binds: <c>*</c> every IPv4 interface, <c>localhost</c> IPv4 loopback (one
    /// socket, so the bound port is unambiguous), else the IPv4 or bracketed IPv6 literal; null for anything else.</summary>
    private static IPAddress? ToIPAddress(string host)
    {
        if (host == "*")
        {
            return IPAddress.Any;
        }

        if (host.Equals("localhost", System.StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        if (host.Length > 2 && host[0] == '[' && host[host.Length - 1] == ']')
        {
            return IPAddress.TryParse(host.Substring(1, host.Length - 2), out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 ? v6 : null;
        }

        return NameRules.IsIPv4(host) ? IPAddress.Parse(host) : null;
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

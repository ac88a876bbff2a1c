using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads the <c>host:port</c> argument of <c>listen</c> and <c>admin</c>.</summary>
/// <remarks>The host is an IPv4 address, a host name such as <c>localhost</c>, <c>*</c> for every interface, or an IPv6
/// address in brackets (<c>[::1]:9901</c>), the form Kestrel's URLs use.</remarks>
internal static class AddressReader
{
    /// <summary>Checks <paramref name="token"/> and returns the address, or null after reporting what is wrong.</summary>
    public static ListenAddress? Read(DiagnosticBag diagnostics, Token token, int line)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "an address"))
        {
            return null;
        }

        var text = token.Text;
        string host;
        int colon;

        // Brackets first: inside them the colons belong to the IPv6 address, after them comes the port.
        if (text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                diagnostics.Error(DiagnosticCode.InvalidAddress, token.Span, "address '" + text + "' has no closing ']'; write an IPv6 address as '[::1]:9901'");
                return null;
            }

            // The model keeps the brackets, which is the form Kestrel URLs need.
            host = text.Substring(0, close + 1);
            if (!IPAddress.TryParse(text.Substring(1, close - 1), out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            {
                diagnostics.Error(DiagnosticCode.InvalidAddress, TokenChecks.Inside(token, 0, close + 1), "'" + host + "' is not an IPv6 address; write one as '[::1]:9901'");
                return null;
            }

            colon = close + 1;
            if (colon < text.Length && text[colon] != ':')
            {
                diagnostics.Error(DiagnosticCode.InvalidAddress, TokenChecks.Inside(token, colon, text.Length - colon), "expected ':' and a port after '" + host + "'; write '" + host + ":8080'");
                return null;
            }
        }
        else
        {
            // Without brackets the last ':' separates the port; a second ':' means an unbracketed IPv6 address.
            colon = text.LastIndexOf(':');
            host = colon < 0 ? text : text.Substring(0, colon);
            if (host.IndexOf(':') >= 0)
            {
                // '::1:9901' is ambiguous: the port cannot be told from the address without brackets.
                diagnostics.Error(DiagnosticCode.InvalidAddress, TokenChecks.Inside(token, 0, host.Length), "IPv6 address '" + host + "' needs brackets; write '[" + host + "]" + text.Substring(colon) + "'");
                return null;
            }

            if (!CheckHost(diagnostics, token, host))
            {
                return null;
            }
        }

        // Kestrel needs an explicit port; there is no default to fall back on for either listener.
        if (colon < 0 || colon >= text.Length)
        {
            diagnostics.Error(DiagnosticCode.InvalidAddress, token.Span, "address '" + text + "' has no port; write '" + host + ":8080'");
            return null;
        }

        var port = ReadPort(diagnostics, token, colon);
        return port is null ? null : new ListenAddress { Host = host, Port = port.Value, Line = line };
    }

    /// <summary>Checks the part before the port: <c>*</c>, an IPv4 address or a host name; reports and returns false otherwise.</summary>
    /// <remarks>A host of digits and dots must be a real IPv4 address, so that <c>256.0.0.1</c> is not taken for a name.</remarks>
    private static bool CheckHost(DiagnosticBag diagnostics, Token token, string host)
    {
        if (host.Length == 0)
        {
            diagnostics.Error(DiagnosticCode.InvalidAddress, TokenChecks.Inside(token, 0, 1), "address '" + token.Text + "' has no host; write '0.0.0.0" + token.Text + "' or '*" + token.Text + "'");
            return false;
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
        if (!valid)
        {
            diagnostics.Error(
                DiagnosticCode.InvalidAddress,
                TokenChecks.Inside(token, 0, host.Length),
                "'" + host + "' is not a host to listen on; use an IPv4 address, a host name, '*' or '[IPv6]'");
        }

        return valid;
    }

    /// <summary>Reads the port after the colon at <paramref name="colon"/>; reports and returns null when it is missing,
    /// not a number, or outside 1 to 65535.</summary>
    private static int? ReadPort(DiagnosticBag diagnostics, Token token, int colon)
    {
        var text = token.Text.Substring(colon + 1);
        if (text.Length == 0)
        {
            diagnostics.Error(DiagnosticCode.InvalidPort, TokenChecks.Inside(token, colon, 1), "address '" + token.Text + "' has no port after ':'; write a port from 1 to 65535");
            return null;
        }

        var span = TokenChecks.Inside(token, colon + 1, text.Length);
        if (!NameRules.AllDigits(text))
        {
            diagnostics.Error(DiagnosticCode.InvalidPort, span, "port '" + text + "' is not a number; write a port from 1 to 65535");
            return null;
        }

        // More than five digits cannot be a port and could overflow int.Parse.
        var port = text.Length > 5 ? -1 : int.Parse(text, CultureInfo.InvariantCulture);
        if (port is < 1 or > 65535)
        {
            diagnostics.Error(DiagnosticCode.InvalidPort, span, "port '" + text + "' is out of range; use 1 to 65535");
            return null;
        }

        return port;
    }
}

using System;
using System.Globalization;
using Gateway.Dsl.Semantics;

namespace Gateway.Dsl.Model;

/// <summary>The Redis server that global rate limits count in: <c>redis redis.gateway.svc:6379</c>.</summary>
public sealed record RedisAddress
{
    /// <summary>A host name, an IPv4 address or a bracketed IPv6 address.</summary>
    public required string Host { get; init; }

    /// <summary>The TCP port, 1 to 65535.</summary>
    public required int Port { get; init; }

    /// <summary>The 1-based line of the directive.</summary>
    public required int Line { get; init; }

    /// <summary>The address as StackExchange.Redis reads it: <c>host:port</c>.</summary>
    public override string ToString() => Host + ":" + Port;

    /// <summary>Reads <c>host[:port]</c> or <c>[v6][:port]</c> (port 6379 when not given); <paramref name="problem"/> is a
    /// phrase for a message ("has no host").</summary>
    /// <param name="text">The address as written.</param>
    /// <param name="line">The line it is on, or 0 when it comes from configuration.</param>
    /// <param name="address">The address, when it parses.</param>
    /// <param name="problem">What is wrong, when it does not.</param>
    public static bool TryParse(string text, int line, out RedisAddress? address, out string problem)
    {
        address = null;
        var host = text;
        var port = 6379;
        problem = string.Empty;
        var portText = (string?)null;
        if (text.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            problem = "is a URL; drop the scheme ('" + text.Substring(text.IndexOf("//", StringComparison.Ordinal) + 2) + "')";
            return false;
        }

        if (text.IndexOf(':') != text.LastIndexOf(':') && !text.StartsWith("[", StringComparison.Ordinal))
        {
            problem = "looks like an IPv6 address without brackets; write it as '[ADDRESS]:PORT', e.g. '[::1]:6379'";
            return false;
        }

        if (text.StartsWith("[", StringComparison.Ordinal))
        {
            var close = text.IndexOf(']');
            if (close < 0 || !System.Net.IPAddress.TryParse(text.Substring(1, close - 1), out _))
            {
                problem = "has a malformed bracketed IPv6 address";
                return false;
            }

            host = text.Substring(0, close + 1);
            if (close + 1 < text.Length)
            {
                if (text[close + 1] != ':')
                {
                    problem = "has text after the IPv6 address";
                    return false;
                }

                portText = text.Substring(close + 2);
            }
        }
        else
        {
            var colon = text.LastIndexOf(':');
            if (colon >= 0)
            {
                host = text.Substring(0, colon);
                portText = text.Substring(colon + 1);
            }

            var valid = host.Length > 0 && host[0] != '.' && host[0] != '-' && host.IndexOf("..", StringComparison.Ordinal) < 0;
            foreach (var c in host)
            {
                valid &= NameRules.IsHostChar(c);
            }

            if (!valid)
            {
                problem = host.Length == 0 ? "has no host" : "has a host that is not a host name, an IPv4 address or a bracketed IPv6 address";
                return false;
            }
        }

        if (portText is not null
            && (!NameRules.AllDigits(portText) || portText.Length == 0 || portText.Length > 5
                || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535))
        {
            problem = "has a port that is not a number from 1 to 65535";
            return false;
        }

        address = new RedisAddress { Host = host, Port = port, Line = line };
        return true;
    }
}

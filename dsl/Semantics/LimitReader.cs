using System;
using System.Collections.Generic;
using System.Globalization;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads <c>limit RATE [burst N] [by KEY] [global [fail open|closed]]</c> and the top-level <c>redis</c> address.</summary>
internal static class LimitReader
{
    /// <summary>How the directive is written, for messages.</summary>
    public const string Form = "limit 100/s [burst 200] [by client_ip|header NAME|claim NAME|consumer|route] [global [fail open|closed]]";

    /// <summary>The most permits per window and the largest burst: a million a second is past any one gateway.</summary>
    public const int MaxPermits = 1_000_000;

    private static readonly string[] KeyKinds = { "route", "client_ip", "header", "claim", "consumer" };
    private static readonly string[] FailModes = { "open", "closed" };
    private static readonly string[] Options = { "burst", "by", "global", "fail" };

    /// <summary>Reads the arguments of a <c>limit</c> line (not <c>limit off</c>); null after reporting what is wrong.</summary>
    public static RateLimit? Read(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var arguments = directive.Arguments;
        var rate = ReadRate(diagnostics, arguments[0]);
        var ok = rate is not null;
        int? burst = null;
        var key = RateLimitKey.Route;
        var global = false;
        bool? failOpen = null;
        Token? fail = null;
        var given = new HashSet<string>();
        for (var i = 1; i < arguments.Count; i++)
        {
            var option = arguments[i];
            if (option.Kind != TokenKind.Word || Array.IndexOf(Options, option.Text) < 0)
            {
                var hint = NameSuggester.Suggest(option.Text, Options) is { } near ? "did you mean '" + near + "'? " : string.Empty;
                diagnostics.Error(DiagnosticCode.UnexpectedArgument, option.Span, "unexpected '" + option.Text + "'; " + hint + "'limit' is written '" + Form + "'");
                return null;
            }

            if (!given.Add(option.Text))
            {
                diagnostics.Error(DiagnosticCode.UnexpectedArgument, option.Span, "'" + option.Text + "' is given twice in one 'limit'; keep one");
                return null;
            }

            if (option.Text == "global")
            {
                global = true;
                continue;
            }

            if (i + 1 >= arguments.Count)
            {
                var example = option.Text switch { "burst" => "burst 200", "by" => "by client_ip", _ => "fail closed" };
                diagnostics.Error(DiagnosticCode.MissingArgument, option.Span, "'" + option.Text + "' needs a value; write e.g. '" + example + "'");
                return null;
            }

            var value = arguments[++i];
            switch (option.Text)
            {
                case "burst":
                    burst = ReadCount(diagnostics, value, "burst");
                    ok &= burst is not null;
                    break;
                case "by":
                    var kind = ValueReader.Choice(diagnostics, value, "rate limit key", KeyKinds);
                    if (kind < 0)
                    {
                        return null;
                    }

                    string? name = null;
                    if (kind is 2 or 3)
                    {
                        if (i + 1 >= arguments.Count)
                        {
                            diagnostics.Error(DiagnosticCode.MissingArgument, value.Span, "'by " + value.Text + "' needs a name; write e.g. '" + (kind == 2 ? "by header X-Tenant" : "by claim sub") + "'");
                            return null;
                        }

                        var nameToken = arguments[++i];
                        name = kind == 2 ? ValueReader.HeaderName(diagnostics, nameToken) : nameToken.Value;
                        if (name is null)
                        {
                            return null;
                        }
                    }

                    key = new RateLimitKey { Kind = (RateLimitKeyKind)kind, Name = name };
                    break;
                default:
                    fail = option;
                    var mode = ValueReader.Choice(diagnostics, value, "failure mode", FailModes);
                    if (mode < 0)
                    {
                        return null;
                    }

                    failOpen = mode == 0;
                    break;
            }
        }

        // Only Redis can fail; a local bucket always answers, so a failure mode there would promise something that never happens.
        if (fail is { } failOption && !global)
        {
            diagnostics.Error(DiagnosticCode.UnexpectedArgument, failOption.Span, "'fail' says what a global limit does while Redis is unreachable; add 'global' before it, or remove it");
            return null;
        }

        if (!ok)
        {
            return null;
        }

        return new RateLimit
        {
            Permits = rate!.Value.Permits,
            Window = rate.Value.Window,
            Burst = burst ?? rate.Value.Permits,
            Key = key,
            Global = global,
            FailOpen = failOpen ?? true,
            Line = TokenChecks.LineOf(diagnostics, directive.Keyword.Span),
        };
    }

    /// <summary>Reads the top-level <c>redis HOST[:PORT]</c>; the port is 6379 when not given.</summary>
    public static RedisAddress? ReadRedis(DiagnosticBag diagnostics, Token token, int line)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "a Redis address"))
        {
            return null;
        }

        if (RedisAddress.TryParse(token.Text, line, out var address, out var problem))
        {
            return address!;
        }

        diagnostics.Error(DiagnosticCode.InvalidRedisAddress, token.Span, "redis address '" + token.Text + "' " + problem + "; write 'HOST:PORT', e.g. 'redis redis.gateway.svc:6379'");
        return null;
    }

    /// <summary>Reads <c>N/s</c>, <c>N/m</c> or <c>N/h</c> with N from 1 to <see cref="MaxPermits"/>.</summary>
    private static (int Permits, TimeSpan Window)? ReadRate(DiagnosticBag diagnostics, Token token)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "a rate"))
        {
            return null;
        }

        var text = token.Text;
        var slash = text.IndexOf('/');
        var window = slash < 0 ? null : text.Substring(slash + 1) switch
        {
            "s" => TimeSpan.FromSeconds(1),
            "m" => TimeSpan.FromMinutes(1),
            "h" => TimeSpan.FromHours(1),
            _ => (TimeSpan?)null,
        };
        var digits = slash < 0 ? text : text.Substring(0, slash);
        if (window is null || !TryCount(digits, out var permits))
        {
            var zero = digits.Length > 0 && NameRules.AllDigits(digits) && digits.TrimStart('0').Length == 0;
            var why = window is null ? (slash < 0 ? "has no window" : "has an unknown window '/" + text.Substring(slash + 1) + "'")
                : zero || digits.StartsWith("-", StringComparison.Ordinal) ? "must admit at least one request"
                : "is not a whole number of requests from 1 to " + MaxPermits.ToString(CultureInfo.InvariantCulture);
            diagnostics.Error(DiagnosticCode.InvalidRate, token.Span, "rate '" + text + "' " + why + "; write requests per second, minute or hour: '100/s', '600/m' or '10000/h'");
            return null;
        }

        return (permits, window.Value);
    }

    /// <summary>Reads a burst size: a whole number from 1 to <see cref="MaxPermits"/>.</summary>
    private static int? ReadCount(DiagnosticBag diagnostics, Token token, string what)
    {
        if (TryCount(token.Text, out var count))
        {
            return count;
        }

        diagnostics.Error(DiagnosticCode.InvalidRate, token.Span, what + " '" + token.Text + "' is not a whole number from 1 to " + MaxPermits.ToString(CultureInfo.InvariantCulture) + "; write the most requests admitted at once, e.g. 'burst 200'");
        return null;
    }

    private static bool TryCount(string text, out int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= 1 && count <= MaxPermits;
}

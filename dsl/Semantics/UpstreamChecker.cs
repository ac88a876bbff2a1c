using System;
using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Checks one <c>upstream NAME { … }</c> block: its endpoints, balance mode, host header, concurrency limit,
/// connect timeout, health checks, circuit breaker and outlier ejection.</summary>
internal static class UpstreamChecker
{
    private static readonly Dictionary<string, BalanceMode> Modes = new()
    {
        ["round_robin"] = BalanceMode.RoundRobin,
        ["least_requests"] = BalanceMode.LeastRequests,
        ["power_of_two"] = BalanceMode.PowerOfTwo,
        ["random"] = BalanceMode.Random,
        ["hash"] = BalanceMode.Hash,
    };

    // The modes in the order messages list them (a dictionary enumerates in insertion order while nothing is removed;
    // the invalid-case corpus pins the resulting text). Declared after Modes, whose initializer must run first.
    private static readonly string[] ModeNames = Modes.Keys.ToArray();

    private static readonly string[] HashKinds = { "header", "cookie", "client_ip" };

    // 'weight' belongs after a URL in 'endpoints'; 'timeout' is the route's total bound, the neighbour of the upstream's
    // 'connect-timeout'.
    private static readonly Dictionary<string, string> Misplaced = new()
    {
        ["weight"] = "'weight' is not a directive; write it after the endpoint it weighs, in 'endpoints': 'endpoints http://10.0.0.5:8080 weight 3 http://10.0.0.6:8080'",
        ["timeout"] = "'timeout' bounds a whole request and belongs in a route block or policy group; an upstream bounds connecting to its endpoints with 'connect-timeout 2s'",
    };

    /// <summary>Checks <paramref name="block"/>; returns the upstream, which the caller discards when the file has errors.</summary>
    public static Upstream Check(DiagnosticBag diagnostics, BlockSyntax block, string name)
    {
        var seen = new Dictionary<string, DirectiveSyntax>();
        var endpoints = new List<string>();

        // Keyed by the normalized URI, so that spellings of one endpoint count as duplicates.
        var firstByUri = new Dictionary<string, Token>();

        // power_of_two is the default, as in YARP: good spread without shared counters.
        var balance = BalanceMode.PowerOfTwo;
        HashKey? hashKey = null;
        var weights = new List<int>();
        HostHeader? hostHeader = null;
        int? maxConcurrent = null;
        HealthCheck? health = null;
        int? retryBudget = null;
        bool? sendToAll = null;
        TimeSpan? connectTimeout = null;
        CircuitBreaker? breaker = null;
        OutlierDetection? outlier = null;
        var unusable = new List<Token>(block.RejectedLines);
        foreach (var directive in DirectiveCatalog.Lines(block.Directives, DirectiveLevel.Upstream))
        {
            // The catalog decides which keywords an upstream takes and how many arguments each has.
            var shape = DirectiveCatalog.Find(directive.Name, DirectiveLevel.Upstream);
            if (shape is null)
            {
                // Words an upstream's author is likely to try get a message that says what to write instead.
                if (Misplaced.TryGetValue(directive.Name, out var instead))
                {
                    diagnostics.Error(DiagnosticCode.UnknownDirective, directive.Keyword.Span, instead);
                }
                else
                {
                    DirectiveCatalog.ReportUnknown(diagnostics, directive.Keyword, DirectiveLevel.Upstream);
                }

                unusable.Add(directive.Keyword);
                continue;
            }

            // A repeated 'balance' is reported and skipped; the first one stays in force. 'endpoints' may repeat.
            if (!DirectiveCatalog.CheckOnceUnlessRepeatable(diagnostics, seen, directive, shape, "an upstream"))
            {
                continue;
            }

            if (!DirectiveCatalog.CheckShape(diagnostics, directive, shape, DirectiveLevel.Upstream))
            {
                continue;
            }

            if (directive.Name == "host-header")
            {
                hostHeader = PolicyReader.ReadHostHeader(diagnostics, directive.Arguments[0]);
                continue;
            }

            if (directive.Name == "max-concurrent")
            {
                maxConcurrent = ReadMaxConcurrent(diagnostics, directive.Arguments[0]);
                continue;
            }

            if (directive.Name == "retry-budget")
            {
                retryBudget = RetryReader.ReadBudget(diagnostics, directive.Arguments[0]);
                continue;
            }

            if (directive.Name == "health")
            {
                health = HealthCheckReader.Read(diagnostics, directive);
                continue;
            }

            if (directive.Name == "when-unhealthy")
            {
                sendToAll = HealthCheckReader.ReadWhenUnhealthy(diagnostics, directive.Arguments[0]);
                continue;
            }

            if (directive.Name == "connect-timeout")
            {
                connectTimeout = ValueReader.Duration(diagnostics, directive.Arguments[0], "connect timeout");
                continue;
            }

            if (directive.Name == "breaker")
            {
                breaker = BreakerReader.Read(diagnostics, directive);
                continue;
            }

            if (directive.Name == "outlier")
            {
                outlier = OutlierReader.Read(diagnostics, directive);
                continue;
            }

            if (directive.Name == "balance")
            {
                balance = ReadBalance(diagnostics, directive.Arguments[0]) ?? balance;
                if (balance == BalanceMode.Hash)
                {
                    hashKey = ReadHashKey(diagnostics, directive);
                }
                else if (directive.Arguments.Count > 1)
                {
                    diagnostics.Error(DiagnosticCode.UnexpectedArgument, directive.Arguments[1].Span, "'balance " + directive.Arguments[0].Text + "' takes no key; only 'balance hash' does, as in 'balance hash header X-User'");
                }
                continue;
            }

            // Each URL is checked on its own, so one bad endpoint does not hide the others. 'weight N' after a URL sets its
            // share, as nginx's 'server … weight=N'.
            var arguments = directive.Arguments;
            for (var index = 0; index < arguments.Count; index++)
            {
                var argument = arguments[index];
                if (argument.IsWord("weight"))
                {
                    var weighted = index > 0 && !arguments[index - 1].IsWord("weight") && !NameRules.AllDigits(arguments[index - 1].Text);
                    var value = index + 1 < arguments.Count ? arguments[index + 1] : (Token?)null;
                    if (!weighted || value is not { } number)
                    {
                        diagnostics.Error(DiagnosticCode.InvalidWeight, argument.Span, "'weight' follows an endpoint and takes a number, as in 'endpoints http://10.0.0.5:8080 weight 3 http://10.0.0.6:8080'");
                        break;
                    }

                    index++;
                    if (!int.TryParse(number.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var weight) || weight < 1 || weight > 100)
                    {
                        diagnostics.Error(DiagnosticCode.InvalidWeight, number.Span, "weight '" + number.Text + "' is not a whole number from 1 to 100; write the endpoint's share of requests relative to the others, e.g. 'weight 3'");
                        continue;
                    }

                    if (weights.Count > 0 && endpoints.Count == weights.Count)
                    {
                        weights[weights.Count - 1] = weight;
                    }

                    continue;
                }

                // nginx writes 'weight=3'; here it is two words after the URL.
                if (argument.Text.StartsWith("weight=", System.StringComparison.Ordinal))
                {
                    diagnostics.Error(DiagnosticCode.InvalidWeight, argument.Span, "write '" + argument.Text.Replace("=", " ") + "' (two words, after the endpoint's URL), as in 'endpoints http://10.0.0.5:8080 weight 3'");
                    continue;
                }

                var uri = EndpointReader.Read(diagnostics, argument);
                if (uri is null)
                {
                    continue;
                }

                // The same endpoint twice would double its share of the traffic, which is never what the list says.
                if (firstByUri.TryGetValue(uri, out var first))
                {
                    diagnostics.Error(
                        DiagnosticCode.DuplicateEndpoint,
                        argument.Span,
                        "endpoint '" + argument.Text + "' is already listed on line " + TokenChecks.LineOf(diagnostics, first.Span) + "; remove one");
                    continue;
                }

                firstByUri[uri] = argument;

                // The model keeps the URL as written; the gateway parses it once per snapshot.
                endpoints.Add(argument.Text);
                weights.Add(1);
            }
        }

        // An 'endpoints' line with no valid URL has been reported already, and so has a line probably meant as one
        // ('endpoint http://x'); only a block without any gets this error.
        if (!seen.ContainsKey("endpoints") && !unusable.Exists(token => DirectiveCatalog.CouldBe(token, "endpoints")))
        {
            diagnostics.Error(DiagnosticCode.MissingEndpoints, block.NameSpan, "upstream '" + name + "' has no endpoints; add 'endpoints http://HOST:PORT'");
        }

        // Without active checks no endpoint is ever unhealthy, so the line would promise something that never happens.
        if (seen.TryGetValue("when-unhealthy", out var when) && !seen.ContainsKey("health"))
        {
            diagnostics.Error(DiagnosticCode.InvalidHealthCheck, when.Keyword.Span, "'when-unhealthy' says what happens when health checks fail, and upstream '" + name + "' has none; add 'health GET /healthz' or remove it");
        }

        return new Upstream
        {
            Name = name,
            Endpoints = endpoints.ToEquatableArray(),
            Weights = weights.TrueForAll(w => w == 1) ? EquatableArray<int>.Empty : weights.ToEquatableArray(),
            Balance = balance,
            HashKey = hashKey,
            HostHeader = hostHeader,
            MaxConcurrent = maxConcurrent,
            Health = health,
            RetryBudgetPercent = retryBudget ?? 20,
            SendToAllWhenUnhealthy = sendToAll ?? true,
            ConnectTimeout = connectTimeout,
            Breaker = breaker,
            Outlier = outlier,
            Line = TokenChecks.LineOf(diagnostics, block.Keyword.Span),
        };
    }

    /// <summary>Reads a <c>max-concurrent</c> limit: a positive integer; reports anything else.</summary>
    private static int? ReadMaxConcurrent(DiagnosticBag diagnostics, Token token)
    {
        if (int.TryParse(token.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit > 0)
        {
            return limit;
        }

        diagnostics.Error(DiagnosticCode.InvalidConcurrency, token.Span,
            "'max-concurrent " + token.Text + "' is not a positive integer; write the most requests in flight at once, e.g. 'max-concurrent 100'");
        return null;
    }

    /// <summary>Reads the key of <c>balance hash header NAME|cookie NAME|client_ip</c>; null after reporting.</summary>
    private static HashKey? ReadHashKey(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var arguments = directive.Arguments;
        if (arguments.Count < 2)
        {
            diagnostics.Error(DiagnosticCode.MissingArgument, arguments[0].Span, "'balance hash' needs a key: 'header NAME', 'cookie NAME' or 'client_ip', as in 'balance hash header X-User'");
            return null;
        }

        var kind = ValueReader.Choice(diagnostics, arguments[1], "hash key", HashKinds);
        if (kind < 0)
        {
            return null;
        }

        if (kind == 2)
        {
            if (arguments.Count > 2)
            {
                diagnostics.Error(DiagnosticCode.UnexpectedArgument, arguments[2].Span, "'balance hash client_ip' takes no name; remove '" + arguments[2].Text + "'");
            }

            return new HashKey { Kind = HashKeyKind.ClientIp };
        }

        if (arguments.Count < 3)
        {
            diagnostics.Error(DiagnosticCode.MissingArgument, arguments[1].Span, "'balance hash " + arguments[1].Text + "' needs a name, as in 'balance hash " + arguments[1].Text + " " + (kind == 0 ? "X-User" : "session") + "'");
            return null;
        }

        var name = kind == 0 ? ValueReader.HeaderName(diagnostics, arguments[2]) : arguments[2].Value;
        return name is null ? null : new HashKey { Kind = kind == 0 ? HashKeyKind.Header : HashKeyKind.Cookie, Name = name };
    }

    /// <summary>Reads a <c>balance</c> mode; reports an unknown one with a suggestion or the list of modes.</summary>
    private static BalanceMode? ReadBalance(DiagnosticBag diagnostics, Token token)
    {
        if (!TokenChecks.RequireWord(diagnostics, token, "a balance mode"))
        {
            return null;
        }

        if (Modes.TryGetValue(token.Text, out var mode))
        {
            return mode;
        }

        var hint = NameSuggester.DidYouMeanOrList(token.Text, ModeNames);
        diagnostics.Error(DiagnosticCode.UnknownBalanceMode, token.Span, "unknown balance mode '" + token.Text + "'" + hint);
        return null;
    }
}

using System;
using System.Collections.Generic;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads a <c>jwt { … }</c> block into <see cref="JwtSettings"/>.</summary>
/// <remarks>Defaults follow RFC 8725 and what the common validators do: only asymmetric algorithms (a shared secret has
/// no place in a reviewed route file, and it rules out the RS/HS confusion), 30 s clock skew, the bearer header, key
/// sets refreshed every 10 minutes and at most every 30 seconds.</remarks>
internal static class JwtReader
{
    /// <summary>The algorithms a policy may allow, in the order messages list them.</summary>
    public static readonly string[] Algorithms = { "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512" };

    private static readonly string[] TokenKinds = { "bearer", "header", "cookie" };

    /// <summary>Reads <paramref name="directive"/>'s block; returns the settings, or null when a required one is missing
    /// or invalid (reported).</summary>
    public static JwtSettings? Read(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var seen = new Dictionary<string, DirectiveSyntax>();
        string? issuer = null;
        EquatableArray<string>? audiences = null;
        string? jwks = null;
        string? keyFile = null;
        var algorithms = new EquatableArray<string>(new[] { "RS256", "ES256" });
        var skew = TimeSpan.FromSeconds(30);
        var token = TokenSource.Bearer;
        var refresh = TimeSpan.FromMinutes(10);
        var minRefresh = TimeSpan.FromSeconds(30);
        var valid = true;
        var settings = DirectiveCatalog.AcceptBody(diagnostics, seen, directive, DirectiveLevel.Jwt, "a 'jwt' block", out var allAccepted);
        valid &= allAccepted;
        foreach (var setting in settings)
        {
            var first = setting.Arguments[0];
            switch (setting.Name)
            {
                case "issuer":
                    issuer = first.Value;
                    break;
                case "audience":
                    audiences = Values(setting);
                    break;
                case "jwks":
                    jwks = ValueReader.Url(diagnostics, first, "JWKS URL");
                    valid &= jwks is not null;
                    break;
                case "key-file":
                    keyFile = ValueReader.FilePath(diagnostics, first, "the key file");
                    valid &= keyFile is not null;
                    break;
                case "algorithms":
                    var read = ReadAlgorithms(diagnostics, setting);
                    valid &= read is not null;
                    algorithms = read ?? algorithms;
                    break;
                case "clock-skew":
                    valid &= Assign(ValueReader.Duration(diagnostics, first, "clock skew", allowZero: true), ref skew);
                    break;
                case "token":
                    var source = ReadToken(diagnostics, setting);
                    valid &= source is not null;
                    token = source ?? token;
                    break;
                case "jwks-refresh":
                    valid &= Assign(ValueReader.Duration(diagnostics, first, "JWKS refresh"), ref refresh);
                    break;
                case "jwks-min-refresh":
                    valid &= Assign(ValueReader.Duration(diagnostics, first, "JWKS minimum refresh"), ref minRefresh);
                    break;
            }
        }

        valid &= Require(diagnostics, directive, seen, "issuer", "issuer https://login.example.com/");
        valid &= Require(diagnostics, directive, seen, "audience", "audience orders-api");
        if (seen.TryGetValue("jwks", out var jwksLine) && seen.TryGetValue("key-file", out var keyLine))
        {
            var later = jwksLine.Keyword.Span.Start > keyLine.Keyword.Span.Start ? jwksLine : keyLine;
            var earlier = later == jwksLine ? keyLine : jwksLine;
            diagnostics.Error(
                DiagnosticCode.ConflictingPolicies,
                later.Keyword.Span,
                "'jwt' already takes its keys from '" + earlier.Name + "' on line " + TokenChecks.LineOf(diagnostics, earlier.Keyword.Span) + "; keep 'jwks' or 'key-file', not both");
            valid = false;
        }
        else if (!seen.ContainsKey("jwks") && !seen.ContainsKey("key-file"))
        {
            diagnostics.Error(DiagnosticCode.MissingSetting, directive.Keyword.Span, "'jwt' has no keys; add 'jwks https://HOST/.well-known/jwks.json' or 'key-file PATH'");
            valid = false;
        }

        if (minRefresh > refresh && seen.TryGetValue("jwks-min-refresh", out var minLine))
        {
            diagnostics.Error(DiagnosticCode.InvalidDuration, minLine.Arguments[0].Span, "JWKS minimum refresh is longer than 'jwks-refresh' (" + Format(refresh) + "); make it shorter");
            valid = false;
        }

        if (!valid || issuer is null || audiences is null)
        {
            return null;
        }

        return new JwtSettings
        {
            Issuer = issuer,
            Audiences = audiences.Value,
            JwksUrl = jwks,
            KeyFile = keyFile,
            Algorithms = algorithms,
            ClockSkew = skew,
            Token = token,
            JwksRefresh = refresh,
            JwksMinRefresh = minRefresh,
            Line = TokenChecks.LineOf(diagnostics, directive.Keyword.Span),
        };
    }

    /// <summary>Reports a required setting that the block lacks; returns whether it is there.</summary>
    internal static bool Require(DiagnosticBag diagnostics, DirectiveSyntax block, Dictionary<string, DirectiveSyntax> seen, string keyword, string example)
    {
        if (seen.ContainsKey(keyword))
        {
            return true;
        }

        diagnostics.Error(DiagnosticCode.MissingSetting, block.Keyword.Span, "'" + block.Name + "' needs '" + keyword + "'; add '" + example + "' to its block");
        return false;
    }

    /// <summary>The values of every argument, words and strings alike.</summary>
    internal static EquatableArray<string> Values(DirectiveSyntax directive)
    {
        var values = new List<string>();
        foreach (var argument in directive.Arguments)
        {
            values.Add(argument.Value);
        }

        return values.ToEquatableArray();
    }

    /// <summary>Copies a read value into <paramref name="target"/>; returns whether there was one.</summary>
    internal static bool Assign(TimeSpan? value, ref TimeSpan target)
    {
        if (value is not { } read)
        {
            return false;
        }

        target = read;
        return true;
    }

    /// <summary>A duration as a route file would write it, for messages.</summary>
    internal static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds % 1000 != 0 ? duration.TotalMilliseconds + "ms"
        : duration.TotalSeconds % 60 != 0 ? duration.TotalSeconds + "s"
        : duration.TotalMinutes % 60 != 0 ? duration.TotalMinutes + "m"
        : duration.TotalHours + "h";

    /// <summary>Reads <c>algorithms A…</c>; <c>none</c> and the HS family get a message of their own.</summary>
    private static EquatableArray<string>? ReadAlgorithms(DiagnosticBag diagnostics, DirectiveSyntax setting)
    {
        var result = new List<string>();
        var valid = true;
        foreach (var argument in setting.Arguments)
        {
            var text = argument.Value;
            if (Array.IndexOf(Algorithms, text) >= 0)
            {
                if (!result.Contains(text))
                {
                    result.Add(text);
                }

                continue;
            }

            valid = false;
            var message = text.Equals("none", StringComparison.OrdinalIgnoreCase)
                ? "algorithm 'none' accepts unsigned tokens (RFC 8725 §2.1); list signing algorithms such as 'RS256'"
                : text.StartsWith("HS", StringComparison.OrdinalIgnoreCase)
                    ? "algorithm '" + text + "' needs a shared secret, which does not belong in a route file; use an asymmetric algorithm such as 'RS256' or 'ES256'"
                    : "unknown algorithm '" + text + "'" + NameSuggester.DidYouMeanOrList(text, Algorithms);
            diagnostics.Error(DiagnosticCode.UnknownAlgorithm, argument.Span, message);
        }

        return valid ? result.ToEquatableArray() : null;
    }

    /// <summary>Reads <c>token bearer</c>, <c>token header NAME</c> or <c>token cookie NAME</c>.</summary>
    private static TokenSource? ReadToken(DiagnosticBag diagnostics, DirectiveSyntax setting)
    {
        var kind = ValueReader.Choice(diagnostics, setting.Arguments[0], "token source", TokenKinds);
        if (kind < 0)
        {
            return null;
        }

        if (kind == 0)
        {
            return TokenSource.Bearer;
        }

        if (setting.Arguments.Count < 2)
        {
            diagnostics.Error(DiagnosticCode.MissingArgument, setting.Arguments[0].Span, "'token " + TokenKinds[kind] + "' needs a name; write 'token " + TokenKinds[kind] + " NAME'");
            return null;
        }

        var name = kind == 1 ? ValueReader.HeaderName(diagnostics, setting.Arguments[1]) : setting.Arguments[1].Value;
        return name is null ? null : new TokenSource { Kind = kind == 1 ? TokenSourceKind.Header : TokenSourceKind.Cookie, Name = name };
    }
}

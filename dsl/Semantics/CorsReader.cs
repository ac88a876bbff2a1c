using System;
using System.Collections.Generic;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads a <c>cors { … }</c> block into <see cref="CorsSettings"/>.</summary>
/// <remarks>Origins are <c>scheme://host[:port]</c> as browsers send them (the Fetch standard's serialized origin), with
/// a leading <c>*.</c> for subdomains, or <c>*</c> alone. <c>*</c> never goes with <c>credentials</c>: browsers reject the
/// pair, and reflecting any origin with credentials would let every site read the user's data.</remarks>
internal static class CorsReader
{
    private static readonly string[] DefaultMethods = { "GET", "HEAD", "POST" };

    /// <summary>Reads the block; returns the settings, or null after reporting what is missing or invalid.</summary>
    public static CorsSettings? Read(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var seen = new Dictionary<string, DirectiveSyntax>();
        var origins = new List<string>();
        Token? star = null;
        var methods = new EquatableArray<string>(DefaultMethods);
        var headers = EquatableArray<string>.Empty;
        var expose = EquatableArray<string>.Empty;
        var credentials = false;
        TimeSpan? maxAge = null;
        var valid = true;
        var settings = DirectiveCatalog.AcceptBody(diagnostics, seen, directive, DirectiveLevel.Cors, "a 'cors' block", out var allAccepted);
        valid &= allAccepted;
        foreach (var setting in settings)
        {
            switch (setting.Name)
            {
                case "origins":
                    foreach (var argument in setting.Arguments)
                    {
                        var origin = ReadOrigin(diagnostics, argument);
                        valid &= origin is not null;
                        if (origin == "*")
                        {
                            star = argument;
                        }

                        if (origin is not null && !origins.Contains(origin))
                        {
                            origins.Add(origin);
                        }
                    }

                    break;
                case "methods":
                    valid &= ReadMethods(diagnostics, setting, ref methods);
                    break;
                case "headers":
                    valid &= ExternalAuthReader.HeaderNames(diagnostics, setting, ref headers);
                    break;
                case "expose":
                    valid &= ExternalAuthReader.HeaderNames(diagnostics, setting, ref expose);
                    break;
                case "credentials":
                    credentials = true;
                    break;
                case "max-age":
                    var read = ValueReader.Duration(diagnostics, setting.Arguments[0], "max-age", allowZero: true);
                    valid &= read is not null;
                    maxAge = read ?? maxAge;
                    break;
            }
        }

        valid &= JwtReader.Require(diagnostics, directive, seen, "origins", "origins https://app.example.com");
        if (credentials && star is { } any)
        {
            diagnostics.Error(DiagnosticCode.InvalidOrigin, any.Span, "origin '*' cannot go with 'credentials'; list the origins that may send credentials");
            valid = false;
        }

        return valid
            ? new CorsSettings { Origins = origins.ToEquatableArray(), Methods = methods, Headers = headers, ExposeHeaders = expose, Credentials = credentials, MaxAge = maxAge }
            : null;
    }

    /// <summary>Reads <c>methods M…</c>: method names as <c>method</c> takes them, or <c>*</c> for any method.</summary>
    /// <remarks>A browser compares the methods case-sensitively and sends the standard ones in upper case, so
    /// <c>methods get</c> would never match anything: it is an error with a hint, as in <c>method</c>.</remarks>
    private static bool ReadMethods(DiagnosticBag diagnostics, DirectiveSyntax setting, ref EquatableArray<string> target)
    {
        var methods = new List<string>();
        var valid = true;
        foreach (var argument in setting.Arguments)
        {
            if (!TokenChecks.RequireWord(diagnostics, argument, "a method"))
            {
                valid = false;
                continue;
            }

            var name = argument.Text;
            if (name != "*" && RouteChecker.FindMethod(name) == MethodSet.None)
            {
                var hint = NameSuggester.DidYouMeanOrList(name, RouteChecker.MethodNames);
                diagnostics.Error(DiagnosticCode.UnknownMethod, argument.Span, "unknown method '" + name + "'" + hint);
                valid = false;
            }
            else if (methods.Contains(name))
            {
                diagnostics.Error(DiagnosticCode.DuplicateMethod, argument.Span, "method '" + name + "' is listed twice; remove one");
                valid = false;
            }
            else
            {
                methods.Add(name);
            }
        }

        target = methods.ToEquatableArray();
        return valid;
    }

    /// <summary>Reads one origin into lower case; reports a path, a missing scheme or a misplaced wildcard.</summary>
    private static string? ReadOrigin(DiagnosticBag diagnostics, Token token)
    {
        var text = token.Value;
        if (text == "*")
        {
            return text;
        }

        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        var authority = scheme < 0 ? string.Empty : text.Substring(scheme + 3);
        var hostStart = authority.StartsWith("*.", StringComparison.Ordinal) ? 2 : 0;
        var host = authority.Substring(hostStart);
        var colon = host.LastIndexOf(':');
        var name = colon < 0 ? host : host.Substring(0, colon);
        var portOk = colon < 0 || (NameRules.AllDigits(host.Substring(colon + 1)) && host.Length - colon - 1 <= 5);
        var nameOk = name.Length > 0 && name[0] != '.' && name[name.Length - 1] != '.';
        foreach (var c in name)
        {
            nameOk &= NameRules.IsHostChar(c);
        }

        string? problem = scheme <= 0 ? "has no scheme; write 'https://" + text + "'"
            : authority.IndexOf('/') >= 0 ? "has a path; an origin is 'scheme://host[:port]', so remove '" + authority.Substring(authority.IndexOf('/')) + "'"
            : authority.IndexOf('*', hostStart) >= 0 ? "has a '*' that is not a leading '*.'; write 'https://*.example.com' for every subdomain"
            : !nameOk || !portOk ? "is not 'scheme://host[:port]'"
            : null;
        if (problem is not null)
        {
            diagnostics.Error(DiagnosticCode.InvalidOrigin, token.Span, "origin '" + text + "' " + problem);
            return null;
        }

        return text.ToLowerInvariant();
    }
}

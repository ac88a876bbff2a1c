using System;
using System.Collections.Generic;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads an <c>ext-auth { … }</c> block into <see cref="ExternalAuthSettings"/>.</summary>
/// <remarks>Failing closed is the default, as in Envoy's ext_authz (<c>failure_mode_allow: false</c>): a request the
/// service could not judge is not let through unless the file says <c>on-error allow</c>.</remarks>
internal static class ExternalAuthReader
{
    private static readonly string[] Modes = { "deny", "allow" };

    /// <summary>Reads the block; returns the settings, or null after reporting what is missing or invalid.</summary>
    public static ExternalAuthSettings? Read(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var seen = new Dictionary<string, DirectiveSyntax>();
        string? url = null;
        var timeout = TimeSpan.FromSeconds(1);
        var send = EquatableArray<string>.Empty;
        var forward = EquatableArray<string>.Empty;
        var allow = false;
        var valid = true;
        var settings = DirectiveCatalog.AcceptBody(diagnostics, seen, directive, DirectiveLevel.ExtAuth, "an 'ext-auth' block", out var allAccepted);
        valid &= allAccepted;
        foreach (var setting in settings)
        {
            var first = setting.Arguments[0];
            switch (setting.Name)
            {
                case "url":
                    url = ValueReader.Url(diagnostics, first, "authorization URL");
                    valid &= url is not null;
                    break;
                case "timeout":
                    valid &= JwtReader.Assign(ValueReader.Duration(diagnostics, first, "timeout"), ref timeout);
                    break;
                case "send-headers":
                    valid &= HeaderNames(diagnostics, setting, ref send);
                    break;
                case "forward-headers":
                    valid &= HeaderNames(diagnostics, setting, ref forward);
                    break;
                case "on-error":
                    var mode = ValueReader.Choice(diagnostics, first, "failure mode", Modes);
                    valid &= mode >= 0;
                    allow = mode == 1;
                    break;
            }
        }

        valid &= JwtReader.Require(diagnostics, directive, seen, "url", "url http://authz:8080/check");
        if (!valid || url is null)
        {
            return null;
        }

        return new ExternalAuthSettings
        {
            Url = url,
            Timeout = timeout,
            SendHeaders = send,
            ForwardHeaders = forward,
            AllowOnError = allow,
            Line = TokenChecks.LineOf(diagnostics, directive.Keyword.Span),
        };
    }

    /// <summary>Reads a list of header names into lower case; returns whether every one is valid.</summary>
    internal static bool HeaderNames(DiagnosticBag diagnostics, DirectiveSyntax setting, ref EquatableArray<string> target)
    {
        var names = new List<string>();
        var valid = true;
        foreach (var argument in setting.Arguments)
        {
            var name = ValueReader.HeaderName(diagnostics, argument);
            if (name is null)
            {
                valid = false;
            }
            else if (!names.Contains(name.ToLowerInvariant()))
            {
                names.Add(name.ToLowerInvariant());
            }
        }

        target = names.ToEquatableArray();
        return valid;
    }
}

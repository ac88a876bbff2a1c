using System.Collections.Generic;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Diagnostics;

namespace Gateway.Dsl.Semantics;

/// <summary>Reads an <c>api-key { … }</c> block into <see cref="ApiKeySettings"/>.</summary>
internal static class ApiKeyReader
{
    private static readonly string[] Sources = { "header", "query" };

    /// <summary>The default key header, as Kong's key-auth and Envoy Gateway use.</summary>
    private static readonly TokenSource DefaultSource = new() { Kind = TokenSourceKind.Header, Name = "X-Api-Key" };

    /// <summary>Reads the block; returns the settings, or null after reporting what is missing or invalid.</summary>
    public static ApiKeySettings? Read(DiagnosticBag diagnostics, DirectiveSyntax directive)
    {
        var seen = new Dictionary<string, DirectiveSyntax>();
        var source = DefaultSource;
        string? file = null;
        var valid = true;
        var settings = DirectiveCatalog.AcceptBody(diagnostics, seen, directive, DirectiveLevel.ApiKey, "an 'api-key' block", out var allAccepted);
        valid &= allAccepted;
        foreach (var setting in settings)
        {
            if (setting.Name == "keys-file")
            {
                file = ValueReader.FilePath(diagnostics, setting.Arguments[0], "the keys file");
                valid &= file is not null;
                continue;
            }

            // key header NAME | key query NAME
            var kind = ValueReader.Choice(diagnostics, setting.Arguments[0], "key source", Sources);
            var name = kind == 0 ? ValueReader.HeaderName(diagnostics, setting.Arguments[1]) : kind == 1 ? setting.Arguments[1].Value : null;
            if (name is null)
            {
                valid = false;
                continue;
            }

            source = new TokenSource { Kind = kind == 0 ? TokenSourceKind.Header : TokenSourceKind.Query, Name = name };
        }

        valid &= JwtReader.Require(diagnostics, directive, seen, "keys-file", "keys-file /etc/gateway/api-keys");
        return valid && file is not null
            ? new ApiKeySettings { Source = source, KeysFile = file, Line = TokenChecks.LineOf(diagnostics, directive.Keyword.Span) }
            : null;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Semantics;

/// <summary>Merges policy layers into a route's <see cref="RoutePolicies"/>: file defaults, then used groups, then the
/// route's own directives (see <see cref="PolicyLayer"/> for the rules).</summary>
internal static class PolicyMerger
{
    /// <summary>Combines the groups of one <c>use</c> line into a layer; two groups that set the same one-of-a-kind
    /// policy are an error at the second group's name, unless <paramref name="overridden"/> says a later layer sets it
    /// anyway.</summary>
    public static PolicyLayer Combine(DiagnosticBag diagnostics, IReadOnlyList<(PolicyLayer Group, Token Use)> groups, string origin, ICollection<string> overridden)
    {
        var combined = new PolicyLayer(origin);
        var setBy = new Dictionary<string, PolicyLayer>();
        foreach (var (group, use) in groups)
        {
            foreach (var keyword in group.Slots.Keys)
            {
                if (setBy.TryGetValue(keyword, out var earlier) && !overridden.Contains(keyword))
                {
                    diagnostics.Error(
                        DiagnosticCode.ConflictingPolicies,
                        use.Span,
                        earlier.Origin + " and " + group.Origin + " both set '" + keyword + "'; remove it from one of them, or set '" + keyword + "' in the route itself");
                }

                setBy[keyword] = group;
            }

            combined.Overlay(group);
        }

        return combined;
    }

    /// <summary>Builds the route's policies from the merged layer and its own <c>rewrite</c>; reports policies that
    /// contradict each other at <paramref name="routeName"/>.</summary>
    public static RoutePolicies Build(DiagnosticBag diagnostics, PolicyLayer merged, EquatableArray<TemplatePart> rewrite, string route, TextSpan routeName,
        MethodSet methods = MethodSet.None)
    {
        var jwt = Value<JwtSettings>(merged, "jwt");
        var apiKey = Value<ApiKeySettings>(merged, "api-key");
        var strip = Value<string>(merged, "strip-prefix");
        var add = Value<string>(merged, "add-prefix");
        if (rewrite.Count > 0 && (strip is not null || add is not null))
        {
            diagnostics.Error(
                DiagnosticCode.ConflictingPolicies,
                routeName,
                "route '" + route + "' has 'rewrite' and '" + (strip is not null ? "strip-prefix" : "add-prefix") + "'; 'rewrite' writes the whole path, so keep one");
        }

        // An identity that nothing establishes would forward an empty header or deny everyone: both are mistakes.
        if (jwt is null && (merged.Requirements.Count > 0 || merged.IdentityHeaders.Exists(h => h.Claim is not null)))
        {
            var what = merged.Requirements.Count > 0 ? "'require " + merged.Requirements[0] + "'" : "'forward claim'";
            diagnostics.Error(DiagnosticCode.RequiresAuthentication, routeName, "route '" + route + "' has " + what + " but validates no JWT; add 'jwt { … }' or 'use' a group that has one");
        }

        if (apiKey is null && merged.IdentityHeaders.Exists(h => h.Claim is null))
        {
            diagnostics.Error(DiagnosticCode.RequiresAuthentication, routeName, "route '" + route + "' has 'forward consumer' but checks no API key; add 'api-key { … }' or 'use' a group that has one");
        }

        // A key that nothing establishes would put every request in one bucket, which is 'by route' under another name.
        var limit = Value<RateLimit>(merged, "limit");
        var limitAt = limit is null ? routeName : merged.Slots["limit"].Directive.Keyword.Span;
        if (limit is { Key.Kind: RateLimitKeyKind.Claim } && jwt is null)
        {
            diagnostics.Error(DiagnosticCode.RequiresAuthentication, limitAt, "route '" + route + "' limits 'by " + limit.Key + "' but validates no JWT; add 'jwt { … }' or 'use' a group that has one");
        }
        else if (limit is { Key.Kind: RateLimitKeyKind.Consumer } && apiKey is null)
        {
            diagnostics.Error(DiagnosticCode.RequiresAuthentication, limitAt, "route '" + route + "' limits 'by consumer' but checks no API key; add 'api-key { … }' or 'use' a group that has one");
        }

        var retry = Value<RetryPolicy>(merged, "retry");
        if (retry is not null && methods != MethodSet.None)
        {
            CheckRetryMethods(diagnostics, retry, methods, merged.Slots["retry"].Directive, route);
        }

        return new RoutePolicies
        {
            Retry = retry,
            Jwt = jwt,
            ApiKey = apiKey,
            ExternalAuth = Value<ExternalAuthSettings>(merged, "ext-auth"),
            Requirements = merged.Requirements.ToEquatableArray(),
            IdentityHeaders = merged.IdentityHeaders.ToEquatableArray(),
            Cors = Value<CorsSettings>(merged, "cors"),
            RequestHeaders = merged.RequestHeaders.ToEquatableArray(),
            ResponseHeaders = merged.ResponseHeaders.ToEquatableArray(),
            Path = rewrite.Count > 0 ? new PathRewrite { Template = rewrite }
                : strip is not null || add is not null ? new PathRewrite { StripPrefix = strip, AddPrefix = add }
                : null,
            HostHeader = Value<HostHeader>(merged, "host-header"),
            RateLimit = limit,
            Timeout = merged.Slots.TryGetValue("timeout", out var timeout) ? timeout.Value as TimeSpan? : null,
            Plugins = merged.Plugins.ToEquatableArray(),
        };
    }

    /// <summary>Reports a <c>retry</c> whose methods the route does not accept, or that retries none it does.</summary>
    private static void CheckRetryMethods(DiagnosticBag diagnostics, RetryPolicy retry, MethodSet methods, DirectiveSyntax directive, string route)
    {
        var accepted = string.Join(" ", MethodSetBits.Each(methods).Select(MethodSetBits.Name));
        var extra = retry.Methods & ~methods;
        if (retry.Methods != RetryPolicy.IdempotentMethods && extra != MethodSet.None)
        {
            diagnostics.Error(DiagnosticCode.RetryMethodNotAllowed, directive.Keyword.Span,
                "'retry' names " + string.Join(" ", MethodSetBits.Each(extra).Select(MethodSetBits.Name)) + " but route '" + route + "' accepts only " + accepted + "; remove it from 'methods', or add it to the route's 'method' line");
        }
        else if ((retry.Methods & methods) == MethodSet.None)
        {
            diagnostics.Error(DiagnosticCode.RetryMethodNotAllowed, directive.Keyword.Span,
                "route '" + route + "' accepts only " + accepted + ", which 'retry' does not retry (by default it retries idempotent methods only); add 'methods " + accepted + "' if the upstream can take the request twice, or remove 'retry'");
        }
    }

    /// <summary>The settings in a slot, or null when it is empty or switched off.</summary>
    private static T? Value<T>(PolicyLayer layer, string keyword)
        where T : class =>
        layer.Slots.TryGetValue(keyword, out var slot) ? slot.Value as T : null;
}

using System.Collections.Generic;
using System.Linq;
using Gateway.Dsl.Collections;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>Checks one <c>route NAME { … }</c> block and builds its <see cref="Route"/>.</summary>
/// <remarks>Every directive is checked even after an error, so that one run reports all of the block's problems. The
/// <c>respond</c> body is read last because its captures refer to the path, which may come later in the block.</remarks>
internal sealed partial class RouteChecker
{
    private readonly DiagnosticBag _diagnostics;
    private readonly BlockSyntax _block;
    private readonly string _name;
    private readonly IReadOnlyCollection<string> _upstreams;
    private readonly PolicyGroups _groups;
    private readonly PolicyLayer _own;
    private readonly List<(PolicyLayer Group, Token Use)> _used = new();
    private readonly Dictionary<string, DirectiveSyntax> _seen = new();
    private readonly List<HostPattern> _hosts = new();
    private readonly List<HeaderMatch> _headers = new();
    private readonly List<QueryMatch> _queries = new();

    // First occurrences, to report duplicates with the line of the original.
    private readonly Dictionary<string, Token> _firstHost = new();
    private readonly Dictionary<string, Token> _firstHeader = new();
    private readonly Dictionary<string, Token> _firstQuery = new();
    private MethodSet _methods;
    private PathTemplate? _path;
    private int _priority;
    private DirectiveSyntax? _action;
    private RouteAction? _actionModel;
    private Token? _rewrite;

    private RouteChecker(DiagnosticBag diagnostics, BlockSyntax block, string name, IReadOnlyCollection<string> upstreams, PolicyGroups groups)
    {
        _diagnostics = diagnostics;
        _block = block;
        _name = name;
        _upstreams = upstreams;
        _groups = groups;
        _own = new PolicyLayer("route '" + name + "'");
    }

    /// <summary>Checks <paramref name="block"/>; returns the route, or null when its path or action is missing or invalid.</summary>
    /// <param name="diagnostics">Where to report.</param>
    /// <param name="block">The route block.</param>
    /// <param name="name">The route's name.</param>
    /// <param name="index">The route's position among the file's routes.</param>
    /// <param name="upstreams">The names of every upstream in the file, for <c>to</c>.</param>
    /// <param name="groups">The file's policy groups and defaults, for <c>use</c>.</param>
    public static Route? Check(DiagnosticBag diagnostics, BlockSyntax block, string name, int index, IReadOnlyCollection<string> upstreams, PolicyGroups groups) =>
        new RouteChecker(diagnostics, block, name, upstreams, groups).Run(index);

    /// <summary>Checks every directive of the block, then the requirements that span directives.</summary>
    private Route? Run(int index)
    {
        DirectiveSyntax? respond = null;
        DirectiveSyntax? redirect = null;

        // Lines already reported as unknown or unreadable: what they meant is not known, so their absence is not reported.
        var unusable = new List<Token>(_block.RejectedLines);
        foreach (var directive in DirectiveCatalog.Lines(_block.Directives, DirectiveLevel.Route))
        {
            var shape = DirectiveCatalog.Find(directive.Name, DirectiveLevel.Route);
            if (shape is null)
            {
                DirectiveCatalog.ReportUnknown(_diagnostics, directive.Keyword, DirectiveLevel.Route);
                unusable.Add(directive.Keyword);
                continue;
            }

            // 'to', 'respond' and 'redirect' share one slot: a route has exactly one action.
            var first = IsAction(directive.Name) ? TakeAction(directive) : DirectiveCatalog.CheckOnceUnlessRepeatable(_diagnostics, _seen, directive, shape, "a route");
            if (!first || !DirectiveCatalog.CheckShape(_diagnostics, directive, shape, DirectiveLevel.Route))
            {
                continue;
            }

            // Authentication, CORS, transforms, the timeout and plugins are read the same way in routes and policy groups.
            if (PolicyReader.Handles(directive.Name))
            {
                PolicyReader.Read(_diagnostics, directive, _own, DirectiveLevel.Route);
                continue;
            }

            switch (directive.Name)
            {
                case "host": ReadHosts(directive); break;
                case "method": ReadMethods(directive); break;
                case "path": ReadPath(directive); break;
                case "header": ReadHeader(directive); break;
                case "query": ReadQuery(directive); break;
                case "priority": ReadPriority(directive.Arguments[0]); break;
                case "to": ReadTo(directive); break;
                case "sticky": ReadSticky(directive); break;
                case "pin": ReadPin(directive); break;
                case "respond": respond = directive; break;
                case "redirect": redirect = directive; break;
                case "use": ReadUse(directive); break;
                case "rewrite": _rewrite = directive.Arguments[0]; break;
                case "mirror": ReadMirror(directive); break;
            }
        }

        // Bodies, redirect paths and rewrites refer to the path's captures, so they are read once the path is known.
        if (respond is not null)
        {
            ReadRespond(respond);
        }

        if (redirect is not null)
        {
            ReadRedirect(redirect);
        }

        // Sticky keys and pins belong to the split, which may come after them in the block.
        AttachSplitRules();
        AttachMirror();

        var policies = MergePolicies();

        // A claim that nothing validates is in no request, so the sticky key would never be read: every request drawn.
        if (_sticky is { Key.Kind: StickyKeyKind.Claim } sticky && policies.Jwt is null)
        {
            _diagnostics.Error(DiagnosticCode.RequiresAuthentication, sticky.Line.Keyword.Span,
                "route '" + _name + "' is sticky 'by claim " + sticky.Key.Name + "' but validates no JWT, so no request would carry the claim; add 'jwt { … }' or 'use' a group that has one");
        }

        // The cause comes first and alone: a 'path' line with errors still counts as given, and so does a line that was
        // probably meant as one ('pth /a', '"path" /a'). Only a route without any gets GW0204.
        if (!_seen.ContainsKey("path") && !unusable.Any(token => DirectiveCatalog.CouldBe(token, "path")))
        {
            _diagnostics.Error(DiagnosticCode.MissingPath, _block.NameSpan, "route '" + _name + "' has no 'path'; add one, e.g. 'path /users/{id}'");
        }

        // Likewise an action with errors counts as given ('respond abc', 'to "x"'). Any unknown or unreadable line may
        // have been the action ('respnd 200', 'forward users'), so after one the route's own error would only repeat it.
        if (_action is null && unusable.Count == 0)
        {
            _diagnostics.Error(DiagnosticCode.MissingAction, _block.NameSpan, "route '" + _name + "' has no action; add 'to UPSTREAM', 'respond STATUS' or 'redirect STATUS …'");
        }

        // The route is incomplete; the file has errors, so the caller returns no table anyway.
        if (_path is null || _actionModel is null)
        {
            return null;
        }

        return new Route
        {
            Name = _name,
            Index = index,
            Line = TokenChecks.LineOf(_diagnostics, _block.Keyword.Span),
            NameSpan = _block.NameSpan,
            Hosts = _hosts.ToEquatableArray(),
            Methods = _methods,
            Path = _path,
            Headers = _headers.ToEquatableArray(),
            Queries = _queries.ToEquatableArray(),
            Priority = _priority,
            Action = _actionModel,
            Policies = policies,
        };
    }

    /// <summary>Whether <paramref name="keyword"/> is one of the three actions.</summary>
    private static bool IsAction(string keyword) => keyword is "to" or "respond" or "redirect";

    /// <summary>Records the route's one action; reports a second <c>to</c>/<c>respond</c> and returns whether this is the first.</summary>
    private bool TakeAction(DirectiveSyntax directive)
    {
        if (_action is null)
        {
            _action = directive;
            _seen[directive.Name] = directive;
            return true;
        }

        if (_action.Name == directive.Name)
        {
            return DirectiveCatalog.CheckOnce(_diagnostics, _seen, directive, "a route");
        }

        _diagnostics.Error(
            DiagnosticCode.MultipleActions,
            directive.Keyword.Span,
            "route '" + _name + "' already has '" + _action.Name + "' on line " + TokenChecks.LineOf(_diagnostics, _action.Keyword.Span)
                + "; a route has one action, so remove '" + _action.Name + "' or '" + directive.Name + "'");
        return false;
    }
}

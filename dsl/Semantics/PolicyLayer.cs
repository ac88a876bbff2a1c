using System.Collections.Generic;
using Gateway.Dsl.Model;
using Gateway.Dsl.Syntax;

namespace Gateway.Dsl.Semantics;

/// <summary>The policies one place sets: a <c>policy</c> group, the file's defaults, or a route's own directives.</summary>
/// <remarks>
/// Layers are merged into a route's <see cref="RoutePolicies"/>: the file's defaults first, then the groups the route
/// uses, then the route's own directives. A one-of-a-kind policy (a slot: <c>jwt</c>, <c>cors</c>, <c>host-header</c>…)
/// set by a later layer replaces the earlier one, and <c>KEYWORD off</c> clears it; two groups of one layer setting the
/// same slot is an error. List policies (<c>require</c>, <c>forward</c>, header edits, <c>plugin</c>) add up in that order.
/// </remarks>
internal sealed class PolicyLayer
{
    /// <summary>Creates an empty layer described as <paramref name="origin"/> in messages.</summary>
    public PolicyLayer(string origin) => Origin = origin;

    /// <summary>Where the layer comes from, for messages: <c>policy group 'auth'</c>.</summary>
    public string Origin { get; }

    /// <summary>One-of-a-kind policies by keyword; a null value is <c>KEYWORD off</c>.</summary>
    public Dictionary<string, Slot> Slots { get; } = new();

    /// <summary><c>require</c> lines, in file order.</summary>
    public List<ClaimRequirement> Requirements { get; } = new();

    /// <summary><c>forward</c> lines, in file order.</summary>
    public List<IdentityHeader> IdentityHeaders { get; } = new();

    /// <summary><c>request-header</c> lines, in file order.</summary>
    public List<HeaderEdit> RequestHeaders { get; } = new();

    /// <summary><c>response-header</c> lines, in file order.</summary>
    public List<HeaderEdit> ResponseHeaders { get; } = new();

    /// <summary><c>plugin</c> lines, in file order.</summary>
    public List<PluginCall> Plugins { get; } = new();

    /// <summary>Whether any directive of the layer failed to check.</summary>
    public bool HasErrors { get; set; }

    /// <summary>Adds everything <paramref name="other"/> sets on top of this layer: its slots replace these, its lists follow.</summary>
    public void Overlay(PolicyLayer other)
    {
        foreach (var pair in other.Slots)
        {
            Slots[pair.Key] = pair.Value;
        }

        Requirements.AddRange(other.Requirements);
        IdentityHeaders.AddRange(other.IdentityHeaders);
        RequestHeaders.AddRange(other.RequestHeaders);
        ResponseHeaders.AddRange(other.ResponseHeaders);
        Plugins.AddRange(other.Plugins);
        HasErrors |= other.HasErrors;
    }

    /// <summary>A one-of-a-kind policy and the directive that set it.</summary>
    /// <param name="Value">The checked settings, or null for <c>off</c>.</param>
    /// <param name="Directive">The directive, for messages that point back at it.</param>
    public sealed record Slot(object? Value, DirectiveSyntax Directive);
}

using Gateway.Pipeline;
using Gateway.Policies;
using Gateway.Responses;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Gateway.Plugins;

/// <summary><c>plugin tenant-tag HEADER [FALLBACK] [REQUIRED] [UPSTREAM-HEADER]</c>: tells the upstream which tenant a
/// request is for, in a header the client cannot forge.</summary>
/// <remarks>
/// The tenant is the client's <c>HEADER</c>, or <c>FALLBACK</c> when the client sent none (or sent it empty). It is passed upstream as
/// <c>UPSTREAM-HEADER</c> (<c>X-Tenant-Id</c> by default) after any copy the client sent of that header is removed. A
/// tenant must be 1 to 64 letters, digits, <c>-</c>, <c>_</c> or <c>.</c>, and a client that sends the header twice or with
/// another value gets 400, as does one that sends none when <c>REQUIRED</c> is <c>true</c> and there is no fallback.
/// This is the repository's example of a policy written in C#: see <c>docs/plugins.md</c>.
/// </remarks>
[GatewayPolicy("tenant-tag")]
public sealed class TenantTagPolicy : IRequestPolicy
{
    private const int MaxTenantLength = 64;

    private readonly string _header;
    private readonly string _fallback;
    private readonly bool _required;
    private readonly string _upstreamHeader;
    private readonly ProblemResponse _missing;
    private readonly ProblemResponse _invalid;

    /// <summary>Creates the policy; the parameters are the <c>plugin tenant-tag</c> line's arguments, in order.</summary>
    /// <param name="header">The request header the client names its tenant in, e.g. <c>X-Tenant</c>.</param>
    /// <param name="fallback">The tenant of a request without the header; empty for none.</param>
    /// <param name="required">Whether a request without a tenant (no header, no fallback) is rejected with 400.</param>
    /// <param name="upstreamHeader">The header the upstream reads the tenant from.</param>
    public TenantTagPolicy(string header, string fallback = "", bool required = false, string upstreamHeader = "X-Tenant-Id")
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(fallback);
        ArgumentNullException.ThrowIfNull(upstreamHeader);
        _header = header;
        _fallback = fallback;
        _required = required;
        _upstreamHeader = upstreamHeader;

        // Built once per snapshot, so a rejection writes pre-encoded bytes.
        _missing = new ProblemResponse(StatusCodes.Status400BadRequest, $"The request names no tenant; send it in the {header} header.");
        _invalid = new ProblemResponse(StatusCodes.Status400BadRequest,
            $"The {header} header must hold one tenant of 1 to {MaxTenantLength} letters, digits, '-', '_' or '.'.");
    }

    /// <inheritdoc/>
    public ValueTask<PolicyResult> ApplyAsync(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Http.Request.Headers;
        var sent = headers[_header];
        string tenant;
        if (StringValues.IsNullOrEmpty(sent))
        {
            tenant = _fallback;
        }
        else if (sent.Count == 1 && IsTenant(sent[0]))
        {
            tenant = sent[0]!;
        }
        else
        {
            return context.AnswerAsync(_invalid, OutcomeReason.PluginAnswered);
        }

        // Removed even when no tenant replaces it: an upstream that trusts the header must never see a forged one.
        headers.Remove(_upstreamHeader);
        if (tenant.Length == 0)
        {
            return _required ? context.AnswerAsync(_missing, OutcomeReason.PluginAnswered) : ValueTask.FromResult(PolicyResult.Continue);
        }

        headers[_upstreamHeader] = tenant;
        return ValueTask.FromResult(PolicyResult.Continue);
    }

    private static bool IsTenant(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxTenantLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}

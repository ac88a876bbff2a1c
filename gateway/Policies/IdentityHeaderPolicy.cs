using Gateway.Dsl.Model;
using Gateway.Pipeline;

namespace Gateway.Policies;

/// <summary><c>forward claim NAME as HEADER</c> and <c>forward consumer as HEADER</c>: the caller's identity, as the
/// gateway established it, passed to the upstream.</summary>
/// <remarks>Any copy of the header the client sent is removed first, whether or not a value replaces it, so an upstream
/// that trusts the header can never be handed one the client forged.</remarks>
public sealed class IdentityHeaderPolicy : IRequestPolicy
{
    private readonly IdentityHeader[] _headers;

    /// <summary>Creates the policy for <paramref name="headers"/>.</summary>
    public IdentityHeaderPolicy(IEnumerable<IdentityHeader> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _headers = headers.ToArray();
    }

    /// <inheritdoc/>
    public ValueTask<PolicyResult> ApplyAsync(RequestContext context)
    {
        var headers = context.Http.Request.Headers;
        foreach (var header in _headers)
        {
            headers.Remove(header.Header);
            var value = header.Claim is { } claim ? context.Identity?.FindClaim(claim) : context.Identity?.Consumer;
            if (!string.IsNullOrEmpty(value) && IsSafeHeaderValue(value))
            {
                headers[header.Header] = value;
            }
        }

        return ValueTask.FromResult(PolicyResult.Continue);
    }

    /// <summary>Whether <paramref name="value"/> can travel as one header line: printable ASCII, space and tab only.</summary>
    /// <remarks>A claim is the identity provider's data, often user-edited (a display name): a CR or LF in it would split
    /// the upstream request's headers (HttpClient sends values added without validation as they are), and a non-ASCII
    /// character would make the forwarder fail the request. Such a value is not sent at all; the upstream sees no
    /// header, as for a token without the claim.</remarks>
    internal static bool IsSafeHeaderValue(string value)
    {
        foreach (var c in value)
        {
            if (c is not ('\t' or (>= ' ' and <= '~')))
            {
                return false;
            }
        }

        return true;
    }
}

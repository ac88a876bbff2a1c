using System.Security.Claims;
using Gateway.Dsl.Model;
using Gateway.Logging;
using Gateway.Pipeline;
using Gateway.Responses;

namespace Gateway.Policies;

/// <summary><c>require scope|any-scope|claim …</c>: what the validated token must carry; every line must hold.</summary>
/// <remarks>
/// Scopes are read from <c>scope</c> (a space-separated string, RFC 8693 §4.2) and <c>scp</c> (a string or an array,
/// as some issuers write it); a claim requirement holds when any value of the claim (each element of an array) is one
/// of the listed values. A failure answers 403 with <c>error="insufficient_scope"</c> (RFC 6750 §3.1). The checker
/// allows <c>require</c> only on routes with <c>jwt</c>, which runs first and sets the identity.
/// </remarks>
public sealed class RequirePolicy : IRequestPolicy
{
    private readonly string _route;
    private readonly ClaimRequirement[] _requirements;
    private readonly string[] _challenges;
    private readonly ILogger _logger;

    /// <summary>Creates the policy of route <paramref name="route"/> for <paramref name="requirements"/>.</summary>
    public RequirePolicy(string route, IEnumerable<ClaimRequirement> requirements, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(logger);
        _route = route;
        _requirements = requirements.ToArray();
        _challenges = _requirements.Select(Challenge).ToArray();
        _logger = logger;
    }

    /// <inheritdoc/>
    public ValueTask<PolicyResult> ApplyAsync(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var claims = context.Identity?.Claims;
        for (var i = 0; i < _requirements.Length; i++)
        {
            if (claims is null || !Holds(claims, _requirements[i]))
            {
                Log.RequirementNotMet(_logger, _route, _requirements[i].ToString());
                context.Http.Response.Headers.WWWAuthenticate = _challenges[i];
                return context.AnswerAsync(ProblemResponse.InsufficientScope, OutcomeReason.Forbidden);
            }
        }

        return ValueTask.FromResult(PolicyResult.Continue);
    }

    /// <summary>Whether <paramref name="claims"/> satisfy <paramref name="requirement"/>.</summary>
    public static bool Holds(ClaimsIdentity claims, ClaimRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(requirement);
        if (!requirement.IsScope)
        {
            foreach (var claim in claims.Claims)
            {
                if (claim.Type == requirement.Claim && requirement.Values.Contains(claim.Value, StringComparer.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var scope in requirement.Values)
        {
            var granted = HasScope(claims, scope);
            if (granted != requirement.All)
            {
                // A scope missing from an all-of list, or one present in an any-of list, decides.
                return granted;
            }
        }

        return requirement.All;
    }

    private static bool HasScope(ClaimsIdentity claims, string scope)
    {
        foreach (var claim in claims.Claims)
        {
            if (claim.Type is not ("scope" or "scp"))
            {
                continue;
            }

            foreach (var range in claim.Value.AsSpan().Split(' '))
            {
                if (claim.Value.AsSpan()[range].SequenceEqual(scope))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // RFC 6750 §3: scope="…" names the scopes the route needs; only scope-tokens (RFC 6749 §3.3) fit in the quotes.
    private static string Challenge(ClaimRequirement requirement)
    {
        const string Error = "Bearer error=\"insufficient_scope\"";
        var fits = requirement.IsScope && requirement.Values.All(v => v.Length > 0 && v.All(c => c is '!' or (>= '#' and <= '[') or (>= ']' and <= '~')));
        return fits ? Error + ", scope=\"" + string.Join(' ', requirement.Values) + "\"" : Error;
    }
}

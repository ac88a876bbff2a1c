using Gateway.Dsl.Model;
using Gateway.Logging;
using Gateway.Pipeline;
using Gateway.Policies.ApiKeys;
using Gateway.Responses;
using Microsoft.Extensions.Primitives;

namespace Gateway.Policies;

/// <summary><c>api-key { … }</c>: the request must carry, in a header or a query parameter, one of the keys of the
/// route's keys file; the key's consumer becomes the caller's identity.</summary>
/// <remarks>
/// Answers 401 when the key is missing, is not listed, or appears more than once (Kong's key-auth refuses a repeated key
/// too), and 503 while the keys file has never been read: the gateway cannot judge, and an unread file must not open the
/// door. The key is compared as a SHA-256 hash in fixed time (<see cref="ApiKeySet"/>) and is never logged.
/// </remarks>
public sealed class ApiKeyPolicy : IRequestPolicy
{
    /// <summary>The challenge of every 401 this policy sends.</summary>
    /// <remarks>RFC 9110 §11.6.1 requires a 401 to carry at least one challenge in <c>WWW-Authenticate</c>. No scheme for
    /// API keys is registered with IANA, so the products differ: Kong's key-auth sends <c>Key realm="kong"</c> on a
    /// missing key, and Envoy's api_key_auth filter sends no challenge at all. The gateway names its own scheme after the
    /// credential, and sends it with every 401, missing key or wrong.</remarks>
    public const string Challenge = "ApiKey realm=\"gateway\"";

    private readonly string _route;
    private readonly TokenSource _source;
    private readonly string _sourceText;
    private readonly ApiKeyStore _store;
    private readonly ILogger _logger;

    /// <summary>Creates the policy of <paramref name="route"/> over <paramref name="store"/>, the keys of its file.</summary>
    public ApiKeyPolicy(string route, ApiKeySettings settings, ApiKeyStore store, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logger);
        _route = route;
        _source = settings.Source;
        _sourceText = settings.Source.ToString();
        _store = store;
        _logger = logger;
    }

    /// <inheritdoc/>
    public ValueTask<PolicyResult> ApplyAsync(RequestContext context)
    {
        var request = context.Http.Request;
        StringValues presented = _source.Kind == TokenSourceKind.Query ? request.Query[_source.Name] : request.Headers[_source.Name];
        if (presented.Count == 0 || string.IsNullOrEmpty(presented[0]))
        {
            Log.ApiKeyMissing(_logger, _route, _sourceText);
            return Unauthorized(context, ProblemResponse.ApiKeyMissing);
        }

        if (_store.Keys is not { } keys)
        {
            Log.ApiKeysNotLoaded(_logger, _route, _store.Path);
            return context.AnswerAsync(ProblemResponse.ApiKeysUnavailable, OutcomeReason.ApiKeysUnavailable);
        }

        if (presented.Count > 1)
        {
            Log.ApiKeyRejected(_logger, _route, _sourceText, "sent more than once");
            return Unauthorized(context, ProblemResponse.ApiKeyInvalid);
        }

        if (keys.Find(presented[0]) is not { } consumer)
        {
            Log.ApiKeyRejected(_logger, _route, _sourceText, "not in the keys file");
            return Unauthorized(context, ProblemResponse.ApiKeyInvalid);
        }

        // A jwt block on the same route ran first; its claims stay, and the consumer joins them.
        context.Identity = new CallerIdentity(context.Identity?.Claims, consumer);
        return ValueTask.FromResult(PolicyResult.Continue);
    }

    private static ValueTask<PolicyResult> Unauthorized(RequestContext context, ProblemResponse problem)
    {
        context.Http.Response.Headers.WWWAuthenticate = Challenge;
        return context.AnswerAsync(problem, OutcomeReason.Unauthorized);
    }
}

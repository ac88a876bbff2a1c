using Gateway.Dsl.Model;
using Gateway.Logging;
using Gateway.Pipeline;
using Gateway.Responses;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gateway.Policies;

/// <summary><c>jwt { … }</c>: the request must carry a signed, current token from the route's issuer for one of its
/// audiences; its claims become the caller's identity.</summary>
/// <remarks>
/// <code>
/// 1. read the token (bearer header, named header, cookie)   ── none ───────────► 401, realm challenge
/// 2. size and shape, before parsing                          ── bad ────────────► 401 invalid_token
/// 3. header: signed, alg in the route's list, no crit        ── bad ────────────► 401 invalid_token
/// 4. keys (JWKS, refreshed on an unknown kid; or key file)   ── none ever had ──► 503: the gateway cannot judge
/// 5. signature, issuer, audience, exp/nbf with clock skew    ── bad ────────────► 401 invalid_token
/// 6. context.Identity = the token's claims, under their JWT names
/// </code>
/// The reason a token failed is logged at Debug as a <see cref="JwtRejection"/>; the client hears only
/// <c>invalid_token</c> (RFC 6750 §3.1), and the token itself is never logged.
/// </remarks>
public sealed partial class JwtPolicy : IRequestPolicy
{
    /// <summary>The longest token read, in characters; a longer one is rejected before it is parsed.</summary>
    public const int MaxTokenLength = 8 * 1024;

    private const string MissingChallenge = "Bearer realm=\"gateway\"";
    private const string InvalidChallenge = "Bearer error=\"invalid_token\"";

    // Thread-safe once configured. Claims keep their JWT names (sub, scope), as the route file writes them.
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false, MaximumTokenSizeInBytes = MaxTokenLength };

    private readonly string _route;
    private readonly JwtSettings _settings;
    private readonly HashSet<string> _algorithms;
    private readonly JwksKeySet? _jwks;
    private readonly JwtKeys? _fileKeys;
    private readonly ILogger _logger;
    private volatile JwtValidation? _validation;

    /// <summary>Creates the policy of route <paramref name="route"/>; keys come from <paramref name="jwks"/> when set,
    /// else from <paramref name="fileKeys"/>, and when both are null every token is answered 503.</summary>
    public JwtPolicy(string route, JwtSettings settings, JwksKeySet? jwks, JwtKeys? fileKeys, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(logger);
        _route = route;
        _settings = settings;
        _algorithms = new HashSet<string>(settings.Algorithms, StringComparer.Ordinal);
        _jwks = jwks;
        _fileKeys = fileKeys;
        _logger = logger;
    }

    /// <summary>Builds the policy for <paramref name="settings"/>: the shared key set of its JWKS URL, or its key file,
    /// read now (a file that cannot be used is logged once, and the route answers 503).</summary>
    public static JwtPolicy Create(string route, JwtSettings settings, KeySetRegistry keySets, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(keySets);
        ArgumentNullException.ThrowIfNull(loggers);
        var logger = loggers.CreateLogger<JwtPolicy>();
        if (settings.JwksUrl is { } url)
        {
            return new JwtPolicy(route, settings, keySets.For(url), null, logger);
        }

        var path = settings.KeyFile ?? string.Empty;
        var keys = KeyFileReader.Read(path, DateTimeOffset.UtcNow, out var error);
        if (keys is null)
        {
            Log.KeyFileUnusable(logger, route, path, error!);
        }

        return new JwtPolicy(route, settings, null, keys, logger);
    }

    /// <inheritdoc/>
    public async ValueTask<PolicyResult> ApplyAsync(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);

        // 1. The token.
        if (TokenReader.Read(context.Http.Request, _settings.Token) is not { } token)
        {
            Log.TokenMissing(_logger, _route, _settings.Token.ToString());
            context.Http.Response.Headers.WWWAuthenticate = MissingChallenge;
            return await context.AnswerAsync(ProblemResponse.MissingToken, OutcomeReason.Unauthorized);
        }

        // 2 and 3. Everything that needs no key.
        if (Inspect(token, out var jwt) is { } early)
        {
            return await RejectAsync(context, early);
        }

        // 4. The keys. A JWKS set may fetch here: on an unknown kid, or when none was ever had.
        var kid = string.IsNullOrEmpty(jwt!.Kid) ? null : jwt.Kid;
        var keys = _jwks is null ? _fileKeys : await _jwks.GetAsync(kid, _settings.JwksRefresh, _settings.JwksMinRefresh);
        if (keys is null)
        {
            Log.SigningKeysUnavailable(_logger, _route, _jwks?.Url.OriginalString ?? _settings.KeyFile ?? "-");
            return await context.AnswerAsync(ProblemResponse.SigningKeysUnavailable, OutcomeReason.SigningKeysUnavailable);
        }

        if (ValidationFor(keys).For(kid) is not { } parameters)
        {
            return await RejectAsync(context, kid is null ? JwtRejection.NoKeyId : JwtRejection.UnknownKey);
        }

        // 5. Signature, issuer, audience, lifetime.
        var result = await Handler.ValidateTokenAsync(jwt, parameters);
        if (!result.IsValid)
        {
            return await RejectAsync(context, Classify(result.Exception));
        }

        // 6. Who the caller is.
        context.Identity = new CallerIdentity(result.ClaimsIdentity, null);
        return PolicyResult.Continue;
    }

    /// <summary>The parameters for <paramref name="keys"/>, built once per key set the policy sees.</summary>
    private JwtValidation ValidationFor(JwtKeys keys)
    {
        var validation = _validation;
        if (validation is null || !ReferenceEquals(validation.Keys, keys))
        {
            // Two requests may both build it after a refresh; both results are equal, and one stays.
            _validation = validation = new JwtValidation(_settings, keys);
        }

        return validation;
    }

    private async ValueTask<PolicyResult> RejectAsync(RequestContext context, JwtRejection reason)
    {
        Log.TokenRejected(_logger, _route, reason);
        context.Http.Response.Headers.WWWAuthenticate = InvalidChallenge;
        return await context.AnswerAsync(ProblemResponse.InvalidToken, OutcomeReason.Unauthorized);
    }
}

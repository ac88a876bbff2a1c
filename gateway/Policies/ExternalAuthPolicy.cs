using Gateway.Dsl.Model;
using Gateway.Logging;
using Gateway.Pipeline;
using Gateway.Policies.ExternalAuth;
using Gateway.Responses;
using Microsoft.Extensions.Primitives;

namespace Gateway.Policies;

/// <summary><c>ext-auth { … }</c>: asks an HTTP service about each request before it goes on, as nginx's auth_request,
/// Traefik's ForwardAuth and Envoy's HTTP ext_authz do.</summary>
/// <remarks>
/// <code>
/// GET url, client headers + X-Forwarded-Method/Uri/Host/Proto/For (ExternalAuthRequest)
///   2xx                     ► allowed: forward-headers copied from the answer onto the upstream request
///   3xx, 4xx                ► denied: the service's status, body and challenge headers go to the client
///   5xx, timeout, refused   ► on-error deny: 503 problem (the gateway's, not blaming the upstream)
///                             on-error allow: the request goes on
///   the client went away    ► nothing is answered; the request ends
/// </code>
/// The client's own copies of the forward-headers are removed on every path that goes on, so an upstream that trusts
/// them never sees a forged one, not even when the service was down and the route lets requests through. A failure
/// streak logs one Warning and its end one Information line; each denial logs at Debug.
/// </remarks>
public sealed class ExternalAuthPolicy : IRequestPolicy
{
    private readonly string _route;
    private readonly Uri _url;
    private readonly string _urlText;
    private readonly TimeSpan _timeout;
    private readonly string[] _sendHeaders;
    private readonly string[] _forwardHeaders;
    private readonly bool _allowOnError;
    private readonly HttpMessageInvoker _client;
    private readonly ILogger _logger;
    private int _failing;

    /// <summary>Creates the policy of <paramref name="route"/>, sending with <paramref name="client"/>.</summary>
    public ExternalAuthPolicy(string route, ExternalAuthSettings settings, ExternalAuthClient client, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(route);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        _route = route;
        _url = new Uri(settings.Url, UriKind.Absolute);
        _urlText = settings.Url;
        _timeout = settings.Timeout;
        _sendHeaders = settings.SendHeaders.ToArray();
        _forwardHeaders = settings.ForwardHeaders.ToArray();
        _allowOnError = settings.AllowOnError;
        _client = client.Invoker;
        _logger = logger;
    }

    /// <inheritdoc/>
    public async ValueTask<PolicyResult> ApplyAsync(RequestContext context)
    {
        var http = context.Http;
        var aborted = http.RequestAborted;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        deadline.CancelAfter(_timeout);
        using var question = ExternalAuthRequest.Create(_url, http.Request, _sendHeaders);
        HttpResponseMessage answer;
        try
        {
            answer = await _client.SendAsync(question, deadline.Token);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            return ClientGone(context);
        }
        catch (OperationCanceledException)
        {
            return await UnavailableAsync(context, $"no answer within {_timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException ex)
        {
            return await UnavailableAsync(context, ex.GetBaseException().Message);
        }

        using (answer)
        {
            var status = (int)answer.StatusCode;
            if (status >= 500)
            {
                return await UnavailableAsync(context, $"it answered {status}");
            }

            Answered();
            if (status is >= 200 and < 300)
            {
                CopyForwardHeaders(http.Request.Headers, answer);
                return PolicyResult.Continue;
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.ExternalAuthDenied(_logger, _route, _urlText, http.Request.Method, context.Path, status);
            }

            try
            {
                var result = await ExternalAuthDenial.WriteAsync(context, answer, deadline.Token);
                return aborted.IsCancellationRequested ? ClientGone(context) : result;
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                return ClientGone(context);
            }
        }
    }

    // The client's copies go first, whether or not the service sent a value.
    private void CopyForwardHeaders(IHeaderDictionary headers, HttpResponseMessage? answer)
    {
        foreach (var name in _forwardHeaders)
        {
            headers.Remove(name);
            if (answer is not null
                && (answer.Headers.TryGetValues(name, out var values) || answer.Content.Headers.TryGetValues(name, out values)))
            {
                headers[name] = new StringValues(values.ToArray());
            }
        }
    }

    private async ValueTask<PolicyResult> UnavailableAsync(RequestContext context, string reason)
    {
        var decision = _allowOnError ? "let through (on-error allow)" : "answered 503 (on-error deny)";
        if (Interlocked.Exchange(ref _failing, 1) == 0)
        {
            Log.ExternalAuthFailed(_logger, _route, _urlText, reason, _allowOnError ? "let through" : "answered 503");
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.ExternalAuthUnavailable(_logger, _route, _urlText, context.Http.Request.Method, context.Path, reason, decision);
        }

        if (_allowOnError)
        {
            CopyForwardHeaders(context.Http.Request.Headers, answer: null);
            return PolicyResult.Continue;
        }

        return await context.AnswerAsync(ProblemResponse.ExternalAuthUnavailable, OutcomeReason.ExternalAuthUnavailable);
    }

    // Any answer below 500 ends a failure streak.
    private void Answered()
    {
        if (Volatile.Read(ref _failing) == 1 && Interlocked.Exchange(ref _failing, 0) == 1)
        {
            Log.ExternalAuthRecovered(_logger, _route, _urlText);
        }
    }

    // No one is there to read an answer; the outcome says so, as a forwarded request's would.
    private static PolicyResult ClientGone(RequestContext context)
    {
        context.Answered(StatusCodes.Status400BadRequest, OutcomeReason.ClientAborted);
        return PolicyResult.Answered;
    }
}

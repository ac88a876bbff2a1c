using Gateway.Forwarding;
using Gateway.Logging;
using Gateway.Pipeline;
using Gateway.Policies;
using Gateway.Responses;
using Gateway.Routing;
using Gateway.Upstreams;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway;

/// <summary>The request path of the public listener, in one method: refuse what cannot be forwarded, match, run the
/// route's policies, act (respond, redirect or forward), and end in one outcome.</summary>
/// <remarks>Terminal: it answers every request it is given. Built once and shared; per-request state lives in one
/// <see cref="RequestContext"/>.</remarks>
public sealed class GatewayMiddleware
{
    private readonly RouteTableHolder _tables;
    private readonly IHttpForwarder _forwarder;
    private readonly HttpMessageInvoker _client;
    private readonly ILogger _logger;
    private readonly Func<RequestContext, EndpointState, ValueTask<AttemptOutcome>> _send;

    /// <summary>Creates the request path over the current route table and the shared forwarding client.</summary>
    public GatewayMiddleware(RouteTableHolder tables, IHttpForwarder forwarder, ForwarderClient client, ILogger<GatewayMiddleware> logger)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(forwarder);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        _tables = tables;
        _forwarder = forwarder;
        _client = client.Invoker;
        _logger = logger;
        _send = SendAsync;
    }

    /// <summary>Serves one request, then records its outcome once.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        // The request keeps this snapshot to the end, even if a reload replaces it meanwhile.
        var request = new RequestContext(context, _tables.Current);
        context.Features.Set(request);
        try
        {
            await ServeAsync(request);
        }
        finally
        {
            Completed(request);
        }
    }

    /// <summary>The request path.</summary>
    /// <remarks>
    /// <code>
    /// 0. refuse a tunnel                   ── CONNECT ─────────────────► 501 problem, connection closed (Debug log)
    /// 1. snapshot loaded?                  ── no ──────────────────────► 503 problem
    /// 2. match host/path/method/headers    ── no route ────────────────► 404 problem (Debug log)
    /// 2a. CORS preflight, no route w/ cors ── match the requested method: its cors answers (204 or 403)
    /// 3. TRACE the route does not name?    ── yes ─────────────────────► 405 problem + Allow (Debug log)
    /// 4. route's policies, in fixed order  ── a policy answers ────────► its answer (401, 403, preflight, …)
    /// 5. respond / redirect routes         ── answer here, with the route's response policies
    /// 6. pick upstream, then endpoint      ── none / all unhealthy (503) / at max-concurrent / breaker open ──► 503 problem
    ///    (a split: pin, sticky key, weights; see UpstreamSplit)
    /// 6b. mirror sampled?                  ── a copy without the body goes to the shadow, not awaited; its answer is dropped
    /// 7. forward through IHttpForwarder    ── streams both bodies; the route's transformer edits both ways
    /// 7a. retry? (route's retry, or        ── again, on another endpoint, within the upstream's retry budget;
    ///     connect failed + idempotent)        a status to retry on is held back, never sent to the client;
    ///                                         the failed endpoint is passed over (10 s, or per `outlier`)
    ///     route's timeout over 7 and 7a    ── elapsed ─────────────────► 504 problem, or the started response aborted
    /// 8. ForwarderError → status + log     ── 502 unreachable/reset/connect timeout, 504 timeout, client abort: Debug only
    /// </code>
    /// Failures are values (a <see cref="ForwarderError"/>, a missing match, a policy's answer), never exceptions.
    /// Steps 0 and 3 are in <see cref="MethodRules"/>.
    /// </remarks>
    private async Task ServeAsync(RequestContext request)
    {
        var context = request.Http;

        // 0. CONNECT asks for a tunnel; YARP's forwarder would throw for it and the client would get a 502 blaming the upstream.
        if (MethodRules.IsTunnel(context))
        {
            Log.TunnelRefused(_logger, context.Request.Host.Value ?? string.Empty);
            await RefuseTunnelAsync(request);
            return;
        }

        // 1. No table yet: nothing can be routed.
        if (request.Snapshot is not { } table)
        {
            Log.NoRouteTable(_logger);
            await request.AnswerAsync(ProblemResponse.NoRouteTable, OutcomeReason.NoRouteTable);
            return;
        }

        // 2. Match. RouteRequest is a view over strings Kestrel already holds; matching allocates nothing.
        var match = table.Matcher.Match(RouteRequest.From(context.Request));

        // 2a. A CORS preflight belongs to the route of the request it asks about, which usually names only that method
        //     (`method GET`), so OPTIONS alone matches no route, or one without cors. The preflight is answered by the
        //     cors of the route its requested method matches, and never forwarded.
        if ((!match.Success || table.GetRoute(match.RouteIndex).Cors is null) && CorsPolicy.IsPreflight(context.Request))
        {
            var requested = context.Request.Headers.AccessControlRequestMethod.ToString();
            var actual = table.Matcher.Match(RouteRequest.From(context.Request).WithMethod(requested));
            if (actual.Success && table.GetRoute(actual.RouteIndex) is { Cors: { } cors } preflighted)
            {
                request.Matched(preflighted, actual);
                await cors.AnswerPreflightAsync(request);
                return;
            }
        }

        if (!match.Success)
        {
            // The arguments are read before the logger checks its level, and the host is a header lookup: skip them
            // when Debug is off, as it is in production.
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.NoRoute(_logger, context.Request.Method, context.Request.Host.Value ?? string.Empty, context.Request.Path.Value ?? "/");
            }

            await request.AnswerAsync(ProblemResponse.NoRoute, OutcomeReason.NoRoute);
            return;
        }

        var route = table.GetRoute(match.RouteIndex);
        request.Matched(route, match);

        // 3. TRACE echoes the request, credentials included, so it passes only where the route's author named it.
        if (MethodRules.IsUnnamedTrace(context.Request.Method, route.Route))
        {
            Log.TraceNotAllowed(_logger, context.Request.Path.Value ?? "/", route.Name);
            context.Response.Headers.Allow = MethodRules.AllowExceptTrace;
            await request.AnswerAsync(ProblemResponse.TraceNotAllowed, OutcomeReason.MethodNotAllowed);
            return;
        }

        // 4. Policies: each continues or answers; their order is fixed by the gateway, not by the file. Headers the client
        //    names in Connection go first, so that naming one cannot strip what a policy sets.
        ConnectionHeaders.StripNamed(context.Request.Headers);
        if (!await route.Policies.RunAsync(request))
        {
            return;
        }

        // 5. Respond and redirect routes answer here, like nginx `return`.
        if (route.Respond is { } respond)
        {
            request.Answered(respond.Status, OutcomeReason.Responded);
            await respond.WriteAsync(request);
            return;
        }

        if (route.Redirect is { } redirect)
        {
            request.Answered(redirect.Status, OutcomeReason.Redirected);
            await redirect.WriteAsync(request);
            return;
        }

        // 6. Choose the upstream (a split's pins, then its sticky key, then its weights) and let it choose an endpoint;
        //    7. forward there. As Envoy's route timeout, the route's
        //    `timeout` bounds the whole exchange, a retry included (Gateway:UpstreamTimeout bounds only inactivity).
        using var deadline = RouteDeadline.Start(route.Timeout, context, TimeProvider.System);
        request.Deadline = deadline;
        var target = route.SelectTarget(request)!;
        request.Target = target;
        var upstream = target.Pool;

        // 6b. A mirror's copy is built now, while the request is whole, and sent without waiting for it.
        if (route.Mirror is { } mirror)
        {
            await mirror.CopyAsync(request, _client, _logger);
        }

        var retry = route.Route.Policies.Retry;
        var replayable = Retries.PrepareBody(context.Request, retry);
        upstream.RetryBudget.RecordRequest();
        request.HoldStatuses = Retries.HeldStatuses(context, upstream, retry, 0, replayable);
        var attempt = await AttemptAsync(request, upstream, avoid: null);

        // 7a. The route's retry, or without one nginx's default proxy_next_upstream: a request whose connection failed
        //     never reached the endpoint, so an idempotent one is sent once more, to another endpoint. Never beyond the
        //     upstream's retry budget, and not once the route's time is up, when it would only time out there and count
        //     against an endpoint that did nothing wrong.
        for (var retries = 0; Retries.Applies(context, attempt, upstream, retry, retries, replayable) && deadline is not { Elapsed: true };)
        {
            if (!upstream.RetryBudget.TryRetry())
            {
                Log.RetryBudgetExhausted(_logger, context.Request.Method, request.Path, route.Name, upstream.Name, upstream.RetryBudget.Percent);
                break;
            }

            retries++;
            var why = attempt.Failure == AttemptFailure.None ? "status " + attempt.Status : attempt.Failure.ToString();
            Log.AttemptRetried(_logger, context.Request.Method, request.Path, route.Name, attempt.Endpoint!.Address, why);

            // The failed attempt stays as it was until the wait is over: a client that left, or a route whose time ran
            // out meanwhile, ends with that attempt's outcome, and no endpoint is tried (and blamed) past the deadline.
            if ((retry is not null && !await BackOffAsync(context, retry, retries)) || deadline is { Elapsed: true })
            {
                break;
            }

            Retries.Reset(request);
            request.HoldStatuses = Retries.HeldStatuses(context, upstream, retry, retries, replayable);
            attempt = await AttemptAsync(request, upstream, attempt.Endpoint);
        }

        // A status held back for a retry that did not happen (budget, client gone, time up): the upstream's answer is
        // gone, so the gateway answers with its status, through the route's response policies like any answer.
        if (request.StatusHeld)
        {
            if (context.RequestAborted.IsCancellationRequested)
            {
                request.Forwarded(attempt.Status, OutcomeReason.ClientAborted);
                return;
            }

            await request.AnswerAsync(ProblemResponse.ForUpstreamStatus(attempt.Status), OutcomeReason.UpstreamFailed);
            request.Forwarded(attempt.Status, OutcomeReason.UpstreamFailed);
            return;
        }

        if (attempt.WasRefused)
        {
            await RefusalAnswers.AnswerAsync(request, upstream, attempt.Refusal, _logger);
            return;
        }

        // 8. Map a failure to a status code and one log line; the classification is separate from the answer, so a
        //    retry can look at it before anything is written.
        if (attempt.Error == ForwarderError.None)
        {
            request.Forwarded(context.Response.StatusCode, OutcomeReason.Forwarded);
            return;
        }

        var outcome = ForwardErrors.Classify(attempt.Error);
        request.Forwarded(context.Response.HasStarted ? context.Response.StatusCode : outcome.StatusCode, outcome.Reason);
        if (deadline is { Elapsed: true } && attempt.Failure == AttemptFailure.Timeout)
        {
            // The route's own line instead of ForwardFailed's: it names the timeout, which YARP's exception does not.
            var result = context.Response.HasStarted ? "response aborted after it started" : "answered " + outcome.StatusCode;
            Log.RouteTimedOut(_logger, context.Request.Method, request.Path, route.Name, attempt.Endpoint!.Address, deadline.Timeout.TotalMilliseconds, result);
            await ForwardErrors.AnswerAsync(context, outcome, route);
            return;
        }

        await ForwardErrors.ReportAsync(context, attempt.Error, outcome, route, attempt.Endpoint!, _logger);
    }

    /// <summary>Waits before retry number <paramref name="retries"/>; false when the client went away meanwhile.</summary>
    private static async ValueTask<bool> BackOffAsync(HttpContext context, Dsl.Model.RetryPolicy retry, int retries)
    {
        try
        {
            await Task.Delay(Retries.Delay(retry.Backoff, retries), context.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One attempt on <paramref name="upstream"/>, logging once when its failure passes the endpoint over.</summary>
    private async ValueTask<AttemptOutcome> AttemptAsync(RequestContext request, UpstreamPool upstream, EndpointState? avoid)
    {
        var attempt = await upstream.SendAsync(request, avoid, _send);
        if (attempt.PassedOver)
        {
            var failure = attempt.Failure == AttemptFailure.None ? "status " + attempt.Status : attempt.Failure.ToString();
            Log.EndpointPassedOver(_logger, upstream.Name, attempt.Endpoint!.Address, failure, attempt.PassedOverFor.TotalSeconds);
        }

        return attempt;
    }

    /// <summary>One attempt: forwards the request to <paramref name="endpoint"/> through YARP, within the route's timeout.</summary>
    /// <remarks>The deadline goes in as YARP's cancellation token rather than in place of
    /// <see cref="HttpContext.RequestAborted"/>: YARP links both into one source, so the upstream request and both body
    /// copies stop either way, and the client's token stays the client's for everyone else who reads it.</remarks>
    private async ValueTask<AttemptOutcome> SendAsync(RequestContext request, EndpointState endpoint)
    {
        request.Endpoint = endpoint;
        var context = request.Http;
        var route = request.Route!;
        var deadline = request.Deadline;
        var error = await _forwarder.SendAsync(context, endpoint.Address, _client, route.RequestConfig, request.Target?.Transformer ?? route.Transformer, deadline?.Token ?? CancellationToken.None);
        error = deadline?.Classify(error) ?? error;
        var failure = AttemptClassifier.Classify(context, error);
        return new AttemptOutcome(endpoint, error, failure, failure == AttemptFailure.None ? context.Response.StatusCode : 0, UpstreamRefusal.None);
    }

    /// <summary>The one place a request's end is seen: every exit above has set the outcome by now.</summary>
    private void Completed(RequestContext request)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var outcome = request.Outcome;
            Log.RequestCompleted(_logger, request.Http.Request.Method, request.Path, request.Route?.Name ?? "-", outcome.Status,
                outcome.Reason, outcome.Answerer);
        }
    }

    // An HTTP/1.1 client may send tunnel bytes right after its CONNECT; on a kept-alive connection Kestrel would parse
    // them as the next request, so the connection closes after the answer.
    private static ValueTask<Policies.PolicyResult> RefuseTunnelAsync(RequestContext request)
    {
        var context = request.Http;
        if (!HttpProtocol.IsHttp2(context.Request.Protocol) && !HttpProtocol.IsHttp3(context.Request.Protocol))
        {
            context.Response.Headers.Connection = "close";
        }

        return request.AnswerAsync(ProblemResponse.TunnelNotImplemented, OutcomeReason.MethodNotAllowed);
    }
}

using Gateway.Dsl.Model;
using Gateway.Logging;

namespace Gateway.Upstreams;

/// <summary>An upstream's active health checks: every interval, each endpoint is asked the check's path, and its
/// state changes after the configured number of passes or failures in a row.</summary>
/// <remarks>
/// A pass is a 2xx or 3xx status within the timeout (as nginx's and HAProxy's HTTP checks count it); another status,
/// no answer in time, a refused or reset connection, or bytes that are not HTTP are failures. The checks of one round
/// run concurrently, so one slow endpoint delays nobody else's. A change of state is logged once (Warning when an
/// endpoint goes unhealthy, Information when it comes back, and the same for the upstream as a whole); single failed
/// checks are Debug.
/// </remarks>
public sealed class HealthProber : IDisposable
{
    private readonly UpstreamPool _pool;
    private readonly HealthCheck _check;
    private readonly HttpMessageInvoker _client;
    private readonly ILogger _logger;
    private readonly HttpMethod _method;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Creates the prober of <paramref name="pool"/>; <see cref="UpstreamPool.StartHealthChecks"/> starts it.</summary>
    public HealthProber(UpstreamPool pool, HealthCheck check, HttpMessageInvoker client, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(logger);
        _pool = pool;
        _check = check;
        _client = client;
        _logger = logger;
        _method = HttpMethod.Parse(check.Method);
    }

    /// <summary>Starts the loop: one round at once, then one per interval.</summary>
    public void Start() => _loop = Task.Run(RunAsync);

    /// <summary>Runs one round of checks now, for tests: asks every endpoint once and applies the results.</summary>
    public Task CheckOnceAsync() => RoundAsync();

    /// <inheritdoc/>
    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(_check.Interval);
            do
            {
                await RoundAsync();
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // Stopped: the upstream left the route table, or the gateway is shutting down.
        }
        catch (ObjectDisposedException)
        {
            // Stopped while a round was starting.
        }
    }

    private async Task RoundAsync()
    {
        var endpoints = _pool.Endpoints.Current;
        await Task.WhenAll(endpoints.Select(CheckAsync));
        if (endpoints.Length == 0 || _stop.IsCancellationRequested)
        {
            return;
        }

        var allUnhealthy = endpoints.All(e => !e.IsHealthy);
        if (_pool.SetAllUnhealthy(allUnhealthy))
        {
            if (allUnhealthy)
            {
                Log.UpstreamAllUnhealthy(_logger, _pool.Name, endpoints.Length, _pool.Definition.SendToAllWhenUnhealthy ? "go to every endpoint anyway (when-unhealthy all)" : "get 503 (when-unhealthy 503)");
            }
            else
            {
                Log.UpstreamHealthyAgain(_logger, _pool.Name);
            }
        }
    }

    private async Task CheckAsync(EndpointState endpoint)
    {
        string? failure;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(_check.Timeout);
            using var request = new HttpRequestMessage(_method, endpoint.Address.TrimEnd('/') + _check.Path);
            request.Headers.UserAgent.ParseAdd("gateway-health-check");
            try
            {
                using var response = await _client.SendAsync(request, timeout.Token);
                var status = (int)response.StatusCode;
                failure = status is >= 200 and < 400 ? null : "status " + status;
            }
            catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
            {
                failure = "no answer within " + _check.Timeout.TotalMilliseconds + " ms";
            }
            catch (HttpRequestException exception)
            {
                failure = exception.HttpRequestError == HttpRequestError.InvalidResponse || exception.HttpRequestError == HttpRequestError.ResponseEnded
                    ? "the answer is not valid HTTP (" + exception.GetBaseException().Message + ")"
                    : exception.GetBaseException().Message;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        if (failure is not null)
        {
            Log.HealthCheckFailed(_logger, _pool.Name, endpoint.Address, failure);
        }

        switch (endpoint.RecordCheck(failure is null, _check.HealthyThreshold, _check.UnhealthyThreshold))
        {
            case HealthTransition.BecameUnhealthy:
                Log.EndpointUnhealthy(_logger, _pool.Name, endpoint.Address, _check.UnhealthyThreshold, failure!);
                break;
            case HealthTransition.BecameHealthy:
                Log.EndpointHealthy(_logger, _pool.Name, endpoint.Address, _check.HealthyThreshold);
                break;
        }
    }
}

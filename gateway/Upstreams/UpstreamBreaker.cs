using Gateway.Dsl.Model;
using Gateway.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace Gateway.Upstreams;

/// <summary>An upstream's circuit breaker (<c>breaker</c>) at run time: Polly's circuit breaker over every attempt
/// the upstream makes, retries included.</summary>
/// <remarks>
/// A failed attempt is a transport failure other than a client abort, or a 5xx answer; everything else counts as a
/// success, a client abort included, because Polly knows only the two kinds
/// (https://www.pollydocs.org/strategies/circuit-breaker). The breaker is entered only once an endpoint was chosen,
/// so an upstream's own refusals (no endpoint, all unhealthy) count as neither.
/// <para>While the breaker is open, Polly answers with a <see cref="BrokenCircuitException"/> inside the outcome that
/// <see cref="ResiliencePipeline{T}.ExecuteOutcomeAsync{TState}"/> returns: the exception is created but never thrown,
/// so a refused request costs no unwinding.</para>
/// <para>Polly's breaker has a background loop for its state-change callbacks, awaiting a semaphore; it holds no
/// thread, and is collected with the pool when a new table drops the upstream.</para>
/// </remarks>
public sealed class UpstreamBreaker
{
    private readonly ResiliencePipeline<AttemptOutcome> _pipeline;
    private readonly CircuitBreakerStateProvider _state = new();

    // Set while the breaker is half-open, so that an opening can say whether the trial failed.
    private volatile bool _trying;

    /// <summary>Builds the breaker of upstream <paramref name="upstream"/> from its checked settings.</summary>
    public UpstreamBreaker(string upstream, CircuitBreaker settings, TimeProvider time, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(upstream);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var options = new CircuitBreakerStrategyOptions<AttemptOutcome>
        {
            FailureRatio = settings.FailurePercent / 100.0,
            MinimumThroughput = settings.MinimumThroughput,
            SamplingDuration = settings.SamplingDuration,
            BreakDuration = settings.BreakDuration,
            ShouldHandle = static arguments => new ValueTask<bool>(IsFailure(arguments.Outcome)),
            StateProvider = _state,

            // Polly runs these one at a time, in order, off the request path: each change of state is logged once.
            OnOpened = arguments =>
            {
                if (_trying)
                {
                    _trying = false;
                    Log.BreakerReopened(logger, upstream, Describe(arguments.Outcome), arguments.BreakDuration.TotalSeconds);
                    return default;
                }

                Log.BreakerOpened(logger, upstream, settings.FailurePercent, settings.MinimumThroughput, settings.SamplingDuration.TotalSeconds,
                    Describe(arguments.Outcome), arguments.BreakDuration.TotalSeconds);
                return default;
            },
            OnHalfOpened = _ =>
            {
                _trying = true;
                Log.BreakerHalfOpened(logger, upstream);
                return default;
            },
            OnClosed = _ =>
            {
                _trying = false;
                Log.BreakerClosed(logger, upstream);
                return default;
            },
        };
        _pipeline = new ResiliencePipelineBuilder<AttemptOutcome> { TimeProvider = time }.AddCircuitBreaker(options).Build();
    }

    /// <summary>The breaker's state now: closed, open, or half-open with one trial under way.</summary>
    public CircuitState State => _state.CircuitState;

    /// <summary>Whether <paramref name="attempt"/> counts against the upstream: a transport failure that is not the
    /// client's, or a 5xx answer.</summary>
    public static bool IsFailure(in AttemptOutcome attempt) =>
        attempt.Failure is not (AttemptFailure.None or AttemptFailure.ClientAborted) || attempt.Status >= StatusCodes.Status500InternalServerError;

    /// <summary>Runs <paramref name="attempt"/> through the breaker, or returns a <see cref="UpstreamRefusal.BreakerOpen"/>
    /// refusal without running it while the breaker is open.</summary>
    /// <remarks>The state goes to Polly as a struct, so no closure is allocated per request.</remarks>
    public async ValueTask<AttemptOutcome> SendAsync<TState>(Func<TState, ValueTask<AttemptOutcome>> attempt, TState state)
    {
        ArgumentNullException.ThrowIfNull(attempt);

        // No cancellation token: the attempt watches the client and the route's deadline itself, and a cancel seen by
        // Polly first would skip the attempt and hide why.
        var context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        try
        {
            var outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (_, s) => Outcome.FromResult(await s.Attempt(s.State)),
                context,
                (Attempt: attempt, State: state));
            if (outcome.Exception is BrokenCircuitException)
            {
                return AttemptOutcome.Refused(UpstreamRefusal.BreakerOpen);
            }

            // Anything else the attempt threw is a bug, not an outcome: let it surface as it would without a breaker.
            outcome.ThrowIfException();
            return outcome.Result;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static bool IsFailure(Outcome<AttemptOutcome> outcome) =>
        outcome.Exception is { } exception ? exception is not OperationCanceledException : IsFailure(outcome.Result);

    private static string Describe(Outcome<AttemptOutcome> outcome) =>
        outcome.Exception is { } exception ? exception.GetType().Name
        : outcome.Result.Failure != AttemptFailure.None ? outcome.Result.Failure.ToString()
        : "status " + outcome.Result.Status;
}

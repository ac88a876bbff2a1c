using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Common;

/// <summary>A real Kestrel upstream on 127.0.0.1:0 that is slow on purpose and records whether its callers gave up.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>/wait?ms=N</c>: waits N ms (5000 by default) before the status line; a caller that goes away first
/// completes <see cref="Cancelled"/>.</item>
/// <item><c>/stall?ms=N</c>: sends the status line and <see cref="FirstPart"/>, then waits N ms (5000 by default)
/// before the rest; a caller that goes away first completes <see cref="Cancelled"/>.</item>
/// <item>anything else: 200 with the body <c>fast</c>, at once.</item>
/// </list>
/// </remarks>
public sealed class StallingUpstream : IAsyncDisposable
{
    /// <summary>The part of a <c>/stall</c> body sent before it stalls.</summary>
    public const string FirstPart = "first part;";

    private LoopbackApp _app = null!;
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);


    /// <summary>The base URI, e.g. <c>http://127.0.0.1:40001</c>.</summary>
    public string Address => _app.Address;

    /// <summary>Completes when a waiting request's <see cref="HttpContext.RequestAborted"/> fires.</summary>
    public Task Cancelled => _cancelled.Task;

    /// <summary>Starts the upstream.</summary>
    public static async Task<StallingUpstream> StartAsync()
    {
        var upstream = new StallingUpstream();
        upstream._app = await LoopbackApp.StartAsync(upstream.HandleAsync);
        return upstream;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var wait = TimeSpan.FromMilliseconds(int.TryParse(context.Request.Query["ms"], out var ms) ? ms : 5000);
        switch (context.Request.Path.Value)
        {
            case "/wait":
                if (await WaitAsync(wait, context.RequestAborted))
                {
                    await context.Response.WriteAsync("waited");
                }

                return;
            case "/stall":
                await context.Response.WriteAsync(FirstPart);
                await context.Response.Body.FlushAsync();
                if (await WaitAsync(wait, context.RequestAborted))
                {
                    await context.Response.WriteAsync("rest");
                }

                return;
            default:
                await context.Response.WriteAsync("fast");
                return;
        }
    }

    /// <summary>Waits; false, with <see cref="Cancelled"/> completed, when the caller went away first.</summary>
    private async Task<bool> WaitAsync(TimeSpan wait, CancellationToken aborted)
    {
        try
        {
            await Task.Delay(wait, aborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            _cancelled.TrySetResult();
            return false;
        }
    }
}

using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Common;

/// <summary>A real Kestrel upstream on 127.0.0.1:0 that answers every request 500 while <see cref="Failing"/> is set
/// and 200 with its name otherwise, counting the requests it sees.</summary>
public sealed class FailingUpstream : IAsyncDisposable
{
    private LoopbackApp _app = null!;
    private int _requests;
    private volatile bool _failing;

    private FailingUpstream(string name) => Name = name;

    /// <summary>The name a 200 answer carries.</summary>
    public string Name { get; }

    /// <summary>The base URI.</summary>
    public string Address => _app.Address;

    /// <summary>Whether requests are answered 500.</summary>
    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>Requests seen so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Starts an upstream named <paramref name="name"/>.</summary>
    public static async Task<FailingUpstream> StartAsync(string name, bool failing = false)
    {
        var upstream = new FailingUpstream(name) { Failing = failing };
        upstream._app = await LoopbackApp.StartAsync(upstream.HandleAsync);
        return upstream;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (_failing)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Task.CompletedTask;
        }

        return context.Response.WriteAsync(Name);
    }
}

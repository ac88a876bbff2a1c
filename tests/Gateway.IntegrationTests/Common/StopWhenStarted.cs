using Microsoft.Extensions.Hosting;

namespace Gateway.IntegrationTests.Common;

/// <summary>A hosted service that cancels a token once the host has started, as SIGTERM would stop a running gateway.</summary>
public sealed class StopWhenStarted(IHostApplicationLifetime lifetime, CancellationTokenSource stop) : IHostedService
{
    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(stop.Cancel);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

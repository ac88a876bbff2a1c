using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Gateway.Kubernetes.Testing;

/// <summary>WATCH: newline-delimited JSON events, flushed one by one, until timeoutSeconds, the client leaves or the server stops.</summary>
public sealed partial class FakeKubeApiServer
{
    private async Task WatchAsync(HttpContext context, RequestPath path, RecordedRequest request)
    {
        var (filter, error) = Filter(request);
        if (filter is null)
        {
            await WriteAsync(context, StoreResult.Fail(ApiStatus.BadRequest(error!))).ConfigureAwait(false);
            return;
        }

        var subscription = _store.Subscribe(path.Type, NamespaceOrAll(path), filter, request.Query("resourceVersion"));
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        if (int.TryParse(request.Query("timeoutSeconds"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            ending.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        try
        {
            await context.Response.StartAsync(ending.Token).ConfigureAwait(false);
            await foreach (var change in subscription.Events.Reader.ReadAllAsync(ending.Token).ConfigureAwait(false))
            {
                // One event per line, flushed at once: clients act on each line as it arrives.
                await context.Response.WriteAsync(change.ToLine(), ending.Token).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(ending.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // A timeout, a departed client or server shutdown ends the stream normally, as on the real server.
        }
        finally
        {
            _store.Unsubscribe(subscription);
        }
    }
}

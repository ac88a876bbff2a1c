using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Common;

/// <summary>A real Kestrel authorization service on 127.0.0.1:0 for <c>ext-auth</c> tests; the path says how it answers.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>/allow</c>: 200 with <c>X-User: alice</c> and <c>X-Tier: gold</c>.</item>
/// <item><c>/allow-bare</c>: 204 and no headers.</item>
/// <item><c>/deny</c>: 403 with a JSON body, a challenge, a cookie, and <c>X-Internal</c>, which must not reach the client.</item>
/// <item><c>/redirect</c>: 302 to a login page.</item>
/// <item><c>/big</c>: 401 with a body larger than the gateway passes through.</item>
/// <item><c>/hang</c>: waits until the caller gives up, and counts the calls it saw cancelled.</item>
/// <item><c>/flaky</c>: 500 while <see cref="Failing"/> is set, 200 otherwise.</item>
/// <item>anything else (<c>/fail</c>): 500.</item>
/// </list>
/// Every request's headers are kept, newest last, per path.
/// </remarks>
public sealed class AuthService : IAsyncDisposable
{
    /// <summary>The body of <c>/deny</c>.</summary>
    public const string DenyBody = "{\"error\":\"tier too low\"}";

    private LoopbackApp _app = null!;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<IReadOnlyDictionary<string, string>>> _requests = new();
    private int _cancelled;


    /// <summary>The base URI, e.g. <c>http://127.0.0.1:40001</c>.</summary>
    public string Address => _app.Address;

    /// <summary>Whether <c>/flaky</c> fails.</summary>
    public bool Failing { get; set; }

    /// <summary>Calls to <c>/hang</c> whose caller went away.</summary>
    public int Cancelled => Volatile.Read(ref _cancelled);

    /// <summary>Starts the service.</summary>
    public static async Task<AuthService> StartAsync()
    {
        var service = new AuthService();
        service._app = await LoopbackApp.StartAsync(service.HandleAsync);
        return service;
    }

    /// <summary>The headers of each request to <paramref name="path"/> (lower-case names), oldest first.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> RequestsTo(string path) =>
        _requests.TryGetValue(path, out var queue) ? queue.ToArray() : [];

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        headers[":method"] = context.Request.Method;
        headers[":path"] = path + context.Request.QueryString;
        headers[":body-length"] = (context.Request.ContentLength ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _requests.GetOrAdd(path, _ => new()).Enqueue(headers);
        var response = context.Response;
        switch (path)
        {
            case "/allow":
                response.Headers["X-User"] = "alice";
                response.Headers["X-Tier"] = "gold";
                return;
            case "/allow-bare":
                response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case "/deny":
                response.StatusCode = StatusCodes.Status403Forbidden;
                response.Headers.WWWAuthenticate = "Bearer realm=\"partners\"";
                response.Headers.SetCookie = new(["auth_state=1; Path=/", "other=2; Path=/"]);
                response.Headers["X-Internal"] = "secret-detail";
                response.ContentType = "application/json";
                await response.WriteAsync(DenyBody);
                return;
            case "/redirect":
                response.StatusCode = StatusCodes.Status302Found;
                response.Headers.Location = "https://login.example.com/?next=%2F";
                return;
            case "/big":
                response.StatusCode = StatusCodes.Status401Unauthorized;
                response.ContentType = "text/plain";
                response.Headers.WWWAuthenticate = "Basic realm=\"big\"";
                await response.Body.WriteAsync(new byte[100 * 1024]);
                return;
            case "/flaky" when !Failing:
                return;
            case "/hang":
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    Interlocked.Increment(ref _cancelled);
                }

                return;
            default:
                response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
        }
    }
}

using System.Net;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Kubernetes.Testing;

/// <summary>
/// A loopback Kubernetes API server for tests: real HTTP on 127.0.0.1, the real wire protocol (REST paths, Status
/// errors, newline-delimited watch streams, server-side apply), an in-memory store, and a record of every request.
/// The method is the one KubernetesClient's own tests use (<c>tests/KubernetesClient.Tests/Mock/MockKubeApiServer.cs</c>).
/// </summary>
/// <remarks>
/// Resource handling is generic: any group, version and plural works without registration, so EndpointSlices, Leases
/// and custom resources need no code here. Controllers are not run; <see cref="FakeKubeApiServerOptions"/> and the status
/// hooks stand in for the two whose effects tests wait on (CRD establishment, Deployment rollout).
/// </remarks>
public sealed partial class FakeKubeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ObjectStore _store = new();
    private readonly FakeKubeApiServerOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _requestsLock = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<InjectedFailure> _failures = [];

    private FakeKubeApiServer(WebApplication app, FakeKubeApiServerOptions options)
    {
        _app = app;
        _options = options;
        _store.Committed += OnCommitted;
    }

    /// <summary>The server's base address, <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public Uri Uri { get; private set; } = null!;

    /// <summary>A snapshot of every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requestsLock) { return _requests.ToArray(); } }
    }

    /// <summary>Starts a server on a free loopback port.</summary>
    public static async Task<FakeKubeApiServer> StartAsync(FakeKubeApiServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeKubeApiServer(app, options ?? new FakeKubeApiServerOptions());
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Uri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>A real KubernetesClient pointed at this server.</summary>
    public IKubernetes CreateClient() => new k8s.Kubernetes(new KubernetesClientConfiguration { Host = Uri.ToString() });

    /// <summary>Forgets the recorded requests, so a test can assert on one phase only.</summary>
    public void ClearRequests()
    {
        lock (_requestsLock)
        {
            _requests.Clear();
        }
    }

    /// <summary>A copy of the stored object, or null when there is none.</summary>
    public JsonObject? Get(string apiVersion, string resource, string? @namespace, string name)
    {
        var result = _store.Get(new ObjectKey(ResourceType.Of(apiVersion, resource), @namespace ?? "", name));
        return result.StatusCode == 200 ? result.Body : null;
    }

    /// <summary>Copies of the stored objects of a resource, in one namespace or (null) all of them.</summary>
    public IReadOnlyList<JsonObject> List(string apiVersion, string resource, string? @namespace = null) =>
        _store.List(ResourceType.Of(apiVersion, resource), @namespace, _ => true)["items"]!.AsArray().Select(i => (JsonObject)i!).ToArray();

    /// <summary>
    /// Server-side applies <paramref name="obj"/> as <paramref name="fieldManager"/> without recording a request, to set up
    /// state another tool made (an object owned by <c>kubectl</c>, one with the same labels outside the ApplySet).
    /// </summary>
    public JsonObject Seed(string resource, JsonObject obj, string fieldManager = "seed")
    {
        var apiVersion = obj["apiVersion"]!.GetValue<string>();
        var metadata = obj["metadata"]!;
        var key = new ObjectKey(ResourceType.Of(apiVersion, resource), metadata["namespace"]?.GetValue<string>() ?? "", metadata["name"]!.GetValue<string>());
        var result = _store.Apply(key, "", obj, fieldManager, force: true, dryRun: false);
        return result.StatusCode < 300 ? result.Body : throw new InvalidOperationException($"seeding {key} failed: {result.Body.ToJsonString()}");
    }

    /// <summary>Changes an object's status the way its controller would; returns false when the object does not exist.</summary>
    public bool UpdateStatus(string apiVersion, string resource, string? @namespace, string name, Action<JsonObject> mutate) =>
        _store.MutateStatus(new ObjectKey(ResourceType.Of(apiVersion, resource), @namespace ?? "", name), mutate);

    /// <summary>Answers the next <paramref name="times"/> requests that <paramref name="match"/> selects with a Status error.</summary>
    public void FailRequests(Func<RecordedRequest, bool> match, int statusCode, string reason, string message, int times = 1)
    {
        lock (_requestsLock)
        {
            _failures.Add(new InjectedFailure(match, statusCode, ApiStatus.Failure(statusCode, reason, message), times));
        }
    }

    /// <summary>Sends a raw event (BOOKMARK, ERROR) to every open watch on the resource.</summary>
    public void InjectWatchEvent(string apiVersion, string resource, string eventType, JsonObject obj) =>
        _store.Inject(ResourceType.Of(apiVersion, resource), eventType, obj);

    /// <summary>Waits until at least one watch on the resource is open; for tests that inject events into it.</summary>
    public Task WaitForWatchAsync(string apiVersion, string resource, TimeSpan timeout) =>
        WaitUntilAsync(() => _store.WatchCount(ResourceType.Of(apiVersion, resource)) > 0, timeout, $"a watch on {resource}");

    /// <summary>Waits until the object exists and returns it; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<JsonObject> WaitForObjectAsync(string apiVersion, string resource, string? @namespace, string name, TimeSpan timeout)
    {
        JsonObject? found = null;
        await WaitUntilAsync(() => (found = Get(apiVersion, resource, @namespace, name)) is not null, timeout, $"{resource} {name}").ConfigureAwait(false);
        return found!;
    }

    /// <summary>Stops the server and ends every open watch.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the fake API server saw no {what} within {timeout.TotalSeconds:0.#} s");
            }

            await Task.Delay(10).ConfigureAwait(false);
        }
    }
}

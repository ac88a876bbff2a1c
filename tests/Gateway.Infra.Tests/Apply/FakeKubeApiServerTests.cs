using System.Text.Json.Nodes;
using Gateway.Kubernetes.Testing;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Gateway.Infra.Tests.Apply;

/// <summary>
/// The fake API server against the real client's typed list, get and watch methods: the wire protocol the gateway's
/// EndpointSlice reflector will rely on when it reuses the fake.
/// </summary>
public sealed class FakeKubeApiServerTests
{
    /// <summary>The subject's factory: a fake with no controller stand-ins.</summary>
    private static Task<FakeKubeApiServer> CreateAsync() => FakeKubeApiServer.StartAsync(new FakeKubeApiServerOptions { CrdEstablishedDelay = null });

    [Fact]
    public async Task List_LabelSelector_ReturnsOnlyMatchesWithListResourceVersion()
    {
        await using var fake = await CreateAsync();
        fake.Seed("endpointslices", Slice("a", service: "users"));
        fake.Seed("endpointslices", Slice("b", service: "orders"));
        var client = fake.CreateClient();

        var list = await client.DiscoveryV1.ListNamespacedEndpointSliceAsync("gw", labelSelector: "kubernetes.io/service-name=users");

        Assert.Equal(["a"], list.Items.Select(i => i.Metadata.Name));
        Assert.False(string.IsNullOrEmpty(list.Metadata.ResourceVersion));
        Assert.Equal("10.0.0.1", list.Items[0].Endpoints[0].Addresses[0]);
    }

    [Fact]
    public async Task Get_Missing_Returns404WithStatusBody()
    {
        await using var fake = await CreateAsync();
        var client = fake.CreateClient();

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.CoreV1.ReadNamespacedConfigMapAsync("nope", "gw"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, error.Response.StatusCode);
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        Assert.Equal("NotFound", status.Reason);
        Assert.Equal("configmaps \"nope\" not found", status.Message);
    }

    [Fact]
    public async Task Watch_Changes_StreamsAddedModifiedDeletedInOrder()
    {
        await using var fake = await CreateAsync();
        var client = fake.CreateClient();
        // Generous bounds: a busy CI machine with a cold JIT can take seconds to open the watch; the test ends at the
        // Deleted event, not at these.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        fake.Seed("endpointslices", Slice("a", service: "users"));
        var events = new List<(WatchEventType Type, string Name, string Address)>();

        var watching = Task.Run(async () =>
        {
            await foreach (var (type, slice) in client.DiscoveryV1.WatchListNamespacedEndpointSliceAsync("gw", timeoutSeconds: 60, cancellationToken: cts.Token))
            {
                events.Add((type, slice.Metadata.Name, slice.Endpoints?.FirstOrDefault()?.Addresses.FirstOrDefault() ?? ""));
                if (type == WatchEventType.Deleted)
                {
                    return;
                }
            }
        });
        await fake.WaitForWatchAsync("discovery.k8s.io/v1", "endpointslices", TimeSpan.FromSeconds(30));
        fake.Seed("endpointslices", Slice("a", service: "users", address: "10.0.0.2"));
        await client.DiscoveryV1.DeleteNamespacedEndpointSliceAsync("a", "gw", cancellationToken: cts.Token);
        await watching.WaitAsync(cts.Token);

        Assert.Equal(
            [(WatchEventType.Added, "a", "10.0.0.1"), (WatchEventType.Modified, "a", "10.0.0.2"), (WatchEventType.Deleted, "a", "10.0.0.2")],
            events);
    }

    [Fact]
    public async Task Watch_FromResourceVersion_ReplaysOnlyLaterChanges()
    {
        await using var fake = await CreateAsync();
        var client = fake.CreateClient();
        fake.Seed("endpointslices", Slice("a", service: "users"));
        var list = await client.DiscoveryV1.ListNamespacedEndpointSliceAsync("gw");
        fake.Seed("endpointslices", Slice("b", service: "users"));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        (WatchEventType Type, string Name)? first = null;

        // The server ends the watch after timeoutSeconds; on a slow machine a short one could end it before the replay
        // arrived, and the loop would then finish with nothing checked. The test ends at the first event.
        await foreach (var (type, slice) in client.DiscoveryV1.WatchListNamespacedEndpointSliceAsync("gw",
            resourceVersion: list.Metadata.ResourceVersion, timeoutSeconds: 60, cancellationToken: cts.Token))
        {
            first = (type, slice.Metadata.Name);
            break;
        }

        Assert.Equal((WatchEventType.Added, "b"), first);
    }

    [Fact]
    public async Task FailRequests_NextMatchingGet_AnsweredWithStatusThenServedAgain()
    {
        await using var fake = await CreateAsync();
        var client = fake.CreateClient();
        fake.Seed("endpointslices", Slice("a", service: "users"));
        fake.FailRequests(r => r.Method == "GET" && r.Path.EndsWith("/endpointslices/a", StringComparison.Ordinal), 503, "ServiceUnavailable", "try later");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => client.DiscoveryV1.ReadNamespacedEndpointSliceAsync("a", "gw"));
        var slice = await client.DiscoveryV1.ReadNamespacedEndpointSliceAsync("a", "gw");

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.Response.StatusCode);
        Assert.Equal("try later", KubernetesJson.Deserialize<V1Status>(error.Response.Content).Message);
        Assert.Equal("a", slice.Metadata.Name);
    }

    [Fact]
    public async Task InjectWatchEvent_Bookmark_ReachesTheOpenWatch()
    {
        await using var fake = await CreateAsync();
        var client = fake.CreateClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var watching = Task.Run(async () =>
        {
            await foreach (var (type, slice) in client.DiscoveryV1.WatchListNamespacedEndpointSliceAsync("gw", timeoutSeconds: 60, cancellationToken: cts.Token))
            {
                return (type, slice.Metadata.ResourceVersion);
            }

            return default;
        });
        await fake.WaitForWatchAsync("discovery.k8s.io/v1", "endpointslices", TimeSpan.FromSeconds(30));

        var bookmark = Slice("ignored", service: "users");
        bookmark["metadata"]!["resourceVersion"] = "12345";
        fake.InjectWatchEvent("discovery.k8s.io/v1", "endpointslices", "BOOKMARK", bookmark);

        Assert.Equal((WatchEventType.Bookmark, "12345"), await watching.WaitAsync(cts.Token));
    }

    [Fact]
    public async Task WaitForObjectAsync_CreatedLater_ReturnsIt()
    {
        await using var fake = await CreateAsync();
        var client = fake.CreateClient();

        var waiting = fake.WaitForObjectAsync("discovery.k8s.io/v1", "endpointslices", "gw", "late", TimeSpan.FromSeconds(30));
        Assert.False(waiting.IsCompleted);
        fake.Seed("endpointslices", Slice("late", service: "users"));

        var found = await waiting;
        Assert.Equal("late", found["metadata"]!["name"]!.GetValue<string>());
    }

    private static JsonObject Slice(string name, string service, string address = "10.0.0.1") => new()
    {
        ["apiVersion"] = "discovery.k8s.io/v1",
        ["kind"] = "EndpointSlice",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = "gw",
            ["labels"] = new JsonObject { ["kubernetes.io/service-name"] = service },
        },
        ["addressType"] = "IPv4",
        ["endpoints"] = new JsonArray(new JsonObject { ["addresses"] = new JsonArray(address) }),
    };
}

using Gateway.Infra.Apply;
using Gateway.Kubernetes.Testing;

namespace Gateway.Infra.Tests.Apply;

/// <summary>A fake API server, an output buffer safe to read while the applier writes, and fast applier options.</summary>
internal sealed class ApplierHarness : IAsyncDisposable
{
    private readonly StringWriter _buffer = new();

    private ApplierHarness(FakeKubeApiServer fake)
    {
        Fake = fake;
        Output = TextWriter.Synchronized(_buffer);
    }

    /// <summary>Fast polling, and waits that end a stuck test in half a minute rather than the defaults' minutes.</summary>
    /// <remarks>
    /// The fake establishes CRDs and finishes rollouts tens of milliseconds after a write, but on a busy CI machine with
    /// a cold JIT that can take seconds, so the timeouts are generous; tests of the timeouts themselves set short ones.
    /// They stay below <c>Bounded()</c>, so a stuck wait fails with the applier's own message.
    /// </remarks>
    public static ApplierOptions FastOptions { get; } = new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        CrdTimeout = TimeSpan.FromSeconds(30),
        RolloutTimeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>The fake API server.</summary>
    public FakeKubeApiServer Fake { get; }

    /// <summary>The writer the applier prints to.</summary>
    public TextWriter Output { get; }

    /// <summary>Everything printed so far.</summary>
    public string Text
    {
        get
        {
            // TextWriter.Synchronized locks on the wrapper; taking the same lock gives a consistent read.
            lock (Output)
            {
                return _buffer.ToString();
            }
        }
    }

    /// <summary>Starts a fake whose CRDs are established and Deployments rolled out shortly after each write, unless overridden.</summary>
    public static async Task<ApplierHarness> StartAsync(FakeKubeApiServerOptions? options = null) =>
        new(await FakeKubeApiServer.StartAsync(options ?? new FakeKubeApiServerOptions
        {
            CrdEstablishedDelay = TimeSpan.FromMilliseconds(80),
            DeploymentRolloutDelay = TimeSpan.FromMilliseconds(30),
        }));

    /// <summary>An applier on a real KubernetesClient pointed at the fake.</summary>
    public Applier CreateApplier(ApplierOptions? options = null) => new(Fake.CreateClient(), options ?? FastOptions, Output);

    /// <summary>Clears the recorded output and requests between the phases of a test.</summary>
    public void Reset()
    {
        lock (Output)
        {
            _buffer.GetStringBuilder().Clear();
        }

        Fake.ClearRequests();
    }

    /// <summary>Waits until the output contains <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        // Generous: the applier prints within milliseconds, but a busy CI machine with a cold JIT can take seconds.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!Text.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"output never contained \"{text}\":\n{Text}");
            await Task.Delay(10);
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => Fake.DisposeAsync();
}

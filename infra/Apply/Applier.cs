using k8s;

namespace Gateway.Infra.Apply;

/// <summary>
/// Previews, applies and destroys one stack with server-side apply, keeping Pulumi.Kubernetes v4 semantics
/// (kubernetes.md §5.1–5.3). Every public method returns the process exit code and reports failures on the output.
/// </summary>
public sealed partial class Applier
{
    private readonly IKubernetes _client;
    private readonly ApplierOptions _options;
    private readonly TextWriter _output;

    /// <summary>Creates an applier that talks to <paramref name="client"/> and writes progress to <paramref name="output"/>.</summary>
    public Applier(IKubernetes client, ApplierOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        _client = client;
        _options = options;
        _output = output;
    }

    /// <summary>Server-side dry run of every object and a diff against the live state; changes nothing.</summary>
    public Task<int> PreviewAsync(DesiredState desired, CancellationToken ct) => Task.FromResult(NotYet());

    /// <summary>Applies the stack in order, waits for the CRD and the rollout, prunes, and prints a summary.</summary>
    public Task<int> UpAsync(DesiredState desired, CancellationToken ct) => Task.FromResult(NotYet());

    /// <summary>Deletes the stack's objects in reverse order; keeps the CRD unless <paramref name="deleteCrd"/> is set.</summary>
    public Task<int> DestroyAsync(DesiredState desired, bool deleteCrd, CancellationToken ct) => Task.FromResult(NotYet());

    // Temporary until the apply engine lands (issue #3); lets Program.cs wire the commands now.
    private int NotYet()
    {
        _output.WriteLine("error: apply is not implemented yet (issue #3)");
        return 1;
    }
}

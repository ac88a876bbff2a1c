using Gateway.Infra.Apply;
using Gateway.Infra.Objects;
using Gateway.Infra.StackFiles;

namespace Gateway.Infra.Commands;

/// <summary>The program's entry: arguments in, exit code out; Program.cs and the CLI tests both call <see cref="RunAsync"/>.</summary>
/// <remarks>
/// Every input is checked before any cluster is contacted, in the order a user fixes them: arguments, stack file,
/// route file, kubeconfig. Each failure prints one message on the error writer and returns
/// <see cref="ExitCodes.InvalidInput"/>; nothing here throws at the user.
/// </remarks>
public static class InfraCli
{
    /// <summary>Runs one command.</summary>
    /// <param name="args">The command line after <c>--</c>.</param>
    /// <param name="output">Manifests (render) and progress (preview, up, destroy).</param>
    /// <param name="errors">Problems with the input, one message each.</param>
    /// <param name="workingDirectory">Where relative paths start and the route file and stacks are searched from.</param>
    /// <param name="ct">Cancels cluster work (Ctrl+C).</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, string workingDirectory, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var parsed = CommandLineParser.Parse(args);
        if (parsed.Help)
        {
            await output.WriteLineAsync(CommandLineParser.Usage);
            return ExitCodes.Success;
        }

        if (parsed.CommandLine is not { } command)
        {
            return await FailAsync(errors, ["error: " + parsed.Error]);
        }

        // 1. The stack.
        var stacks = InputLocator.FindStacks(workingDirectory, command.StacksDirectory);
        var loaded = StackLoader.Load(stacks, command.Stack, InputLocator.Display(workingDirectory, stacks));
        if (loaded.Stack is not { } stack)
        {
            return await FailAsync(errors, loaded.Errors);
        }

        // 2. The route file: `up` must never deploy a table the gateway would refuse, so every command checks it.
        var routesPath = InputLocator.FindRoutes(workingDirectory, command.RoutesPath);
        if (routesPath is null || !File.Exists(routesPath))
        {
            var shown = routesPath ?? InputLocator.RoutesFile;
            return await FailAsync(errors, [$"error: route file '{shown}' not found; run from the repository or pass --routes PATH"]);
        }

        var routesDisplay = InputLocator.Display(workingDirectory, routesPath);
        var built = GatewayObjects.Build(stack, await File.ReadAllTextAsync(routesPath, ct), routesDisplay);
        if (built.State is not { } desired)
        {
            var verb = command.Command.ToString().ToLowerInvariant();
            return await FailAsync(errors, [.. built.Errors, $"error: {routesDisplay} has errors; fix them before '{verb}' (nothing was sent to a cluster)"]);
        }

        if (command.Command == CommandKind.Render)
        {
            return await RenderAsync(command, desired, output, workingDirectory);
        }

        // 3. The cluster.
        var kubeconfig = command.Kubeconfig is null ? null : Path.GetFullPath(command.Kubeconfig, workingDirectory);
        var client = KubernetesClientFactory.Create(kubeconfig, command.Context, out var clientError);
        if (client is null)
        {
            return await FailAsync(errors, [clientError!]);
        }

        using (client)
        {
            var applier = new Applier(client, new ApplierOptions { ForceConflicts = command.ForceConflicts }, output);
            return command.Command switch
            {
                CommandKind.Preview => await applier.PreviewAsync(desired, ct),
                CommandKind.Up => await applier.UpAsync(desired, ct),
                _ => await applier.DestroyAsync(desired, command.DeleteCrd, ct),
            };
        }
    }

    /// <summary>Writes the manifests to standard output, or one file per object into <c>--out</c>.</summary>
    private static async Task<int> RenderAsync(CommandLine command, DesiredState desired, TextWriter output, string workingDirectory)
    {
        if (command.OutDirectory is null)
        {
            await output.WriteAsync(ManifestWriter.ToYaml(desired.Objects));
            return ExitCodes.Success;
        }

        var directory = Path.GetFullPath(command.OutDirectory, workingDirectory);
        var files = ManifestWriter.WriteFolder(directory, desired.Objects);
        await output.WriteLineAsync($"rendered {files.Count} objects of stack '{desired.StackName}' into {InputLocator.Display(workingDirectory, directory)}");
        return ExitCodes.Success;
    }

    /// <summary>Prints <paramref name="lines"/> on the error writer and returns <see cref="ExitCodes.InvalidInput"/>.</summary>
    private static async Task<int> FailAsync(TextWriter errors, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            await errors.WriteLineAsync(line);
        }

        return ExitCodes.InvalidInput;
    }
}

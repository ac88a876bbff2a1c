namespace Gateway.Infra.Commands;

/// <summary>Parses <c>COMMAND --stack NAME [options]</c>; rejects unknown options and options that do not fit the command.</summary>
public static class CommandLineParser
{
    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public const string Usage = """
        usage: dotnet run --project infra -- COMMAND --stack NAME [options]

        commands:
          render    print every object as YAML (or write one file per object with --out DIR); needs no cluster
          preview   server-side dry run and a diff against the cluster; changes nothing
          up        server-side apply in dependency order, wait for the rollout, prune what the stack no longer has
          destroy   delete the stack's objects in reverse order; the CRD stays unless --delete-crd

        options:
          --stack NAME         the stack file infra/stacks/NAME.json (required)
          --routes PATH        the route file (default: routes.gw in this folder or the nearest one above)
          --stacks DIR         the folder of stack files (default: infra/stacks found the same way)
          --out DIR            render: write one YAML file per object into DIR
          --kubeconfig PATH    preview/up/destroy: the kubeconfig (default: KUBECONFIG, ~/.kube/config, in-cluster)
          --context NAME       preview/up/destroy: the kubeconfig context (default: its current context)
          --force-conflicts    preview/up: take fields over from other field managers
          --delete-crd         destroy: also delete the APIDefinition CRD and every tenant's APIDefinitions
        """;

    /// <summary>The hint appended to argument errors.</summary>
    private const string Hint = "; run with --help for the commands and options";

    /// <summary>Parses <paramref name="args"/>.</summary>
    public static CommandLineParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count == 0 || args.Any(a => a is "--help" or "-h" or "help"))
        {
            return new CommandLineParseResult { Help = true };
        }

        CommandKind? parsed = args[0] switch
        {
            "render" => CommandKind.Render,
            "preview" => CommandKind.Preview,
            "up" => CommandKind.Up,
            "destroy" => CommandKind.Destroy,
            _ => null,
        };
        if (parsed is not { } command)
        {
            return Fail($"unknown command '{args[0]}'; use render, preview, up or destroy");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "--delete-crd" or "--force-conflicts")
            {
                flags.Add(name);
                continue;
            }

            if (name is not ("--stack" or "--routes" or "--stacks" or "--out" or "--kubeconfig" or "--context"))
            {
                return Fail($"unknown option '{name}'{Hint}");
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"option '{name}' needs a value{Hint}");
            }

            if (!values.TryAdd(name, args[++i]))
            {
                return Fail($"option '{name}' is given twice");
            }
        }

        if (MisplacedOption(command, values.Keys.Concat(flags)) is { } misplaced)
        {
            return Fail($"option '{misplaced}' does not apply to '{args[0]}'{Hint}");
        }

        if (!values.TryGetValue("--stack", out var stack))
        {
            return Fail($"--stack NAME is required, e.g. '{args[0]} --stack dev'");
        }

        return new CommandLineParseResult
        {
            CommandLine = new CommandLine
            {
                Command = command,
                Stack = stack,
                Kubeconfig = values.GetValueOrDefault("--kubeconfig"),
                Context = values.GetValueOrDefault("--context"),
                OutDirectory = values.GetValueOrDefault("--out"),
                RoutesPath = values.GetValueOrDefault("--routes"),
                StacksDirectory = values.GetValueOrDefault("--stacks"),
                DeleteCrd = flags.Contains("--delete-crd"),
                ForceConflicts = flags.Contains("--force-conflicts"),
            },
        };
    }

    /// <summary>The first option that the command would ignore; ignoring it silently would hide a mistake.</summary>
    private static string? MisplacedOption(CommandKind command, IEnumerable<string> given) =>
        given.FirstOrDefault(option => option switch
        {
            "--out" => command != CommandKind.Render,
            "--kubeconfig" or "--context" => command == CommandKind.Render,
            "--force-conflicts" => command is not (CommandKind.Preview or CommandKind.Up),
            "--delete-crd" => command != CommandKind.Destroy,
            _ => false,
        });

    /// <summary>A result holding one error.</summary>
    private static CommandLineParseResult Fail(string error) => new() { Error = error };
}

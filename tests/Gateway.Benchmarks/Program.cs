using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using Gateway.Benchmarks;
using Gateway.Benchmarks.Tables;

// Entry point. `--write-tables` regenerates Tables/routes-*.gw; `--check-tables` only checks them; anything else runs
// BenchmarkDotNet (after the same check) with its usual command line, e.g. `--filter '*Generated*'` or `--job dry`.
if (args.Contains("--write-tables"))
{
    foreach (var path in TableFiles.Write())
    {
        Console.WriteLine("wrote " + path);
    }

    Console.WriteLine("Rebuild to compile the new tables into the generated routers.");
    return 0;
}

// `--probe N [last|sampled] [ctx]`: match in a plain loop for a few seconds, for a profiler (docs/benchmarks.md).
if (args.Length >= 2 && args[0] == "--probe")
{
    return Probe.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args.Contains("last") ? RequestMix.Last : RequestMix.Sampled, args.Contains("ctx"));
}

// A stale table would make the generated router and the other contenders match different routes; stop before
// spending twenty minutes on it.
var problems = TableFiles.Check();
foreach (var problem in problems)
{
    Console.Error.WriteLine(problem);
}

if (problems.Count > 0)
{
    Console.Error.WriteLine("Run: dotnet run -c Release --project tests/Gateway.Benchmarks -- --write-tables, then rebuild.");
    return 1;
}

if (args.Contains("--check-tables"))
{
    Console.WriteLine("Tables match TableFactory's output.");
    return 0;
}

// Without a filter BenchmarkDotNet asks which benchmark to run: run the comparison. The breakdown runs only when named
// (`--filter '*Breakdown*'`).
string[] arguments = args.Any(a => a is "--filter" or "-f") ? args : [.. args, "--filter", "*" + nameof(RouteMatchingBenchmark) + "*"];
var namesOwnJob = args.Any(a => a is "--job" or "-j");
BenchmarkSwitcher.FromAssembly(typeof(RouteMatchingBenchmark).Assembly).Run(arguments, new MatchingBenchmarkConfig(withJob: !namesOwnJob));
return 0;

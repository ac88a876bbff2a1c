using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Horology;

namespace Gateway.Benchmarks;

/// <summary>The run configuration for this noisy 2-core VM, sized so that the measuring takes about 15 minutes.</summary>
public sealed class MatchingBenchmarkConfig : ManualConfig
{
    /// <summary>Three processes per case, so one process's unlucky JIT or memory layout cannot decide a result.</summary>
    public const int LaunchCount = 3;

    /// <summary>Measured iterations per process: 45 samples per case in all, enough for a stable median and P95.</summary>
    public const int IterationCount = 15;

    /// <summary>Creates the configuration; <paramref name="withJob"/> is false when the command line names its own job
    /// (e.g. <c>--job dry</c> for a quick check), which then replaces this one.</summary>
    public MatchingBenchmarkConfig(bool withJob)
    {
        // Start from the defaults (loggers, exporters, the standard columns) and add to them.
        Add(DefaultConfig.Instance);
        if (withJob)
        {
            // No processor affinity, although pinning is the usual way to cut noise: pinned to one core, the benchmark
            // process starved the runtime's tiered-compilation work, and the matchers ran unoptimized (tier-0) code for
            // seconds, measuring 5 to 10 times slower than their steady state (docs/benchmarks.md, "Why no processor
            // affinity"). The warm-up count stays automatic (tiered JIT needs it: methods run unoptimized until the runtime
            // recompiles them), but capped, and iterations are short: the 10,000-route regex case takes about 0.6 s per
            // invocation (100 matches of about 6 ms), so its iterations run one invocation each. Overhead evaluation is off: an invocation
            // is 100 matches (microseconds at least), so the empty-loop overhead it would subtract is well under 0.1%, and
            // skipping it saves seconds per process.
            AddJob(Job.Default
                .WithLaunchCount(LaunchCount)
                .WithIterationTime(TimeInterval.FromMilliseconds(150))
                .WithIterationCount(IterationCount)
                .WithMaxWarmupCount(20)
                .WithEvaluateOverhead(false)
                .AsDefault());
        }

        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
        WithSummaryStyle(SummaryStyle.Default.WithTimeUnit(TimeUnit.Nanosecond));
        // BenchmarkDotNet rebuilds this project in Release before running; with the 10,000-route matcher that can take
        // minutes on a busy machine, far beyond the default two-minute build timeout.
        WithBuildTimeout(TimeSpan.FromMinutes(30));
        WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
    }
}

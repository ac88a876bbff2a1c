namespace Gateway.Benchmarks;

/// <summary>Which request paths one benchmark invocation matches (100 per invocation either way).</summary>
public enum RequestMix
{
    /// <summary>The path of the table's last route, 100 times: the worst case for a first-match list.</summary>
    Last,

    /// <summary>100 paths spread evenly over the table, in a seeded shuffled order, so branch prediction cannot
    /// memorise one path (aspnetcore's <c>MatcherAzureBenchmark</c> also matches 100 sampled requests per invocation).</summary>
    Sampled,
}

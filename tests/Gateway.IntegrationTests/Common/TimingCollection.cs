namespace Gateway.IntegrationTests.Common;

/// <summary>Runs tests that count against the clock alone, after the parallel ones, so that other tests' gateways do
/// not starve them of the CPU they measure with.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Timing";
}

namespace Gateway.IntegrationTests.Common;

/// <summary>Runs memory-measuring tests alone, after the parallel ones, so other tests' allocations do not count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Memory";
}

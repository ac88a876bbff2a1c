namespace Gateway.Generator.Tests;

/// <summary>Plugin classes for the generator's plugin tests, one per shape worth checking.</summary>
internal static class SamplePlugins
{
    /// <summary><c>rate-limit</c>: one parameter of every supported kind, all but the first optional, and properties
    /// that show what the constructor received.</summary>
    public static string RateLimit { get; } = SampleSources.PluginClass(
        "\"rate-limit\"",
        """
        public sealed class RateLimitPolicy : IRequestPolicy
        {
            /// <summary>Records the arguments.</summary>
            public RateLimitPolicy(int limit, TimeSpan window = default, bool strict = false, LimitMode mode = LimitMode.PerClient, long burst = 0, string label = "none")
            {
                Limit = limit;
                Window = window;
                Strict = strict;
                Mode = mode;
                Burst = burst;
                Label = label;
            }

            /// <summary>The limit.</summary>
            public int Limit { get; }

            /// <summary>The window.</summary>
            public TimeSpan Window { get; }

            /// <summary>Whether strict.</summary>
            public bool Strict { get; }

            /// <summary>The mode.</summary>
            public LimitMode Mode { get; }

            /// <summary>The burst.</summary>
            public long Burst { get; }

            /// <summary>The label.</summary>
            public string Label { get; }

        """ + SampleSources.ContinueBody + "\n}",
        """
        /// <summary>How requests are counted.</summary>
        public enum LimitMode
        {
            /// <summary>Per client.</summary>
            PerClient,

            /// <summary>Per route.</summary>
            PerRoute,
        }
        """);

    /// <summary><c>audit</c>: a plugin without arguments and without a declared constructor.</summary>
    public static string Audit { get; } = SampleSources.PluginClass(
        "\"audit\"",
        "public sealed class AuditPolicy : IRequestPolicy\n{\n" + SampleSources.ContinueBody + "\n}");

    /// <summary>A plugin class named <paramref name="name"/> whose declaration is <paramref name="declaration"/>, for GW0907.</summary>
    public static string Broken(string name, string declaration) => SampleSources.PluginClass("\"" + name + "\"", declaration);
}

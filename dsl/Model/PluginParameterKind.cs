namespace Gateway.Dsl.Model;

/// <summary>The C# types a plugin's constructor parameter may have, and so the values a <c>plugin</c> argument may take.</summary>
/// <remarks>The set is small on purpose: each kind has one written form, read by <see cref="Semantics.PluginArguments"/>
/// both when the generator checks a route file and when the gateway builds the plugin.</remarks>
public enum PluginParameterKind
{
    /// <summary><c>string</c>: any word or quoted string, as written.</summary>
    String,

    /// <summary><c>int</c>: a whole number with an optional sign, e.g. <c>100</c> or <c>-1</c>.</summary>
    Int32,

    /// <summary><c>long</c>: a whole number with an optional sign.</summary>
    Int64,

    /// <summary><c>bool</c>: <c>true</c> or <c>false</c>, lower case.</summary>
    Boolean,

    /// <summary><c>TimeSpan</c>: a route-file duration such as <c>250ms</c>, <c>5s</c>, <c>1m</c> or <c>2h</c>.</summary>
    Duration,

    /// <summary>An enum: one of its member names, case-sensitive.</summary>
    Enum,
}

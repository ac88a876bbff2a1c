using System;
using System.Globalization;
using System.Linq;
using Gateway.Dsl.Model;

namespace Gateway.Dsl.Semantics;

/// <summary>How a <c>plugin</c> argument is read as the C# type of its constructor parameter.</summary>
/// <remarks>One set of rules for both readers: the generator checks route files with <see cref="Fits"/> at build time, and
/// the code it emits converts with the <c>Read…</c> methods at run time, so a value the build accepts is the value the
/// plugin receives. Numbers are read with the invariant culture, so the machine's locale cannot change them.</remarks>
public static class PluginArguments
{
    /// <summary>Whether <paramref name="text"/> can be passed to <paramref name="parameter"/>.</summary>
    public static bool Fits(PluginParameter parameter, string text) => parameter.Kind switch
    {
        PluginParameterKind.String => true,
        PluginParameterKind.Int32 => TryReadInt32(text, out _),
        PluginParameterKind.Int64 => TryReadInt64(text, out _),
        PluginParameterKind.Boolean => TryReadBoolean(text, out _),
        PluginParameterKind.Duration => Units.TryParseDuration(text, out _),
        _ => parameter.EnumMembers.Contains(text),
    };

    /// <summary>Reads a whole number with an optional sign that fits an <c>int</c>.</summary>
    public static bool TryReadInt32(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Reads a whole number with an optional sign that fits a <c>long</c>.</summary>
    public static bool TryReadInt64(string text, out long value) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Reads <c>true</c> or <c>false</c>; nothing else (not <c>True</c>, <c>yes</c> or <c>1</c>), like the
    /// language's keywords, which are lower case.</summary>
    public static bool TryReadBoolean(string text, out bool value)
    {
        value = text == "true";
        return value || text == "false";
    }

    /// <summary>An argument the check has accepted as an <c>int</c>; throws <see cref="FormatException"/> otherwise,
    /// which is a bug in the caller, not a user's mistake.</summary>
    public static int ReadInt32(string text) => TryReadInt32(text, out var value) ? value : throw NotChecked(text, "an int");

    /// <summary>An argument the check has accepted as a <c>long</c>.</summary>
    public static long ReadInt64(string text) => TryReadInt64(text, out var value) ? value : throw NotChecked(text, "a long");

    /// <summary>An argument the check has accepted as a <c>bool</c>.</summary>
    public static bool ReadBoolean(string text) => TryReadBoolean(text, out var value) ? value : throw NotChecked(text, "a bool");

    /// <summary>An argument the check has accepted as a duration.</summary>
    public static TimeSpan ReadDuration(string text) => Units.TryParseDuration(text, out var value) ? value : throw NotChecked(text, "a duration");

    /// <summary>The error for an argument converted without being checked first; public for the emitted enum readers.</summary>
    public static FormatException NotChecked(string text, string what) =>
        new("'" + text + "' is not " + what + "; plugin arguments must pass PluginChecker before they are converted");

    /// <summary>What the parameter takes, with an article, for messages: <c>an int</c>, <c>a duration</c>, <c>a TenantMode</c>.</summary>
    public static string Describe(PluginParameter parameter) => parameter.Kind switch
    {
        PluginParameterKind.String => "a string",
        PluginParameterKind.Int32 => "an int",
        PluginParameterKind.Int64 => "a long",
        PluginParameterKind.Boolean => "a bool",
        PluginParameterKind.Duration => "a duration",
        _ => "a " + parameter.EnumName,
    };

    /// <summary>What to write instead of <paramref name="text"/>, for messages.</summary>
    public static string Help(PluginParameter parameter, string text) => parameter.Kind switch
    {
        PluginParameterKind.Int32 => "; write a whole number from -2147483648 to 2147483647",
        PluginParameterKind.Int64 => "; write a whole number from -9223372036854775808 to 9223372036854775807",
        PluginParameterKind.Boolean => "; write 'true' or 'false'",
        PluginParameterKind.Duration => "; " + Units.DurationHelp,
        _ => parameter.EnumMembers.Count == 0 ? "; the enum has no members" : NameSuggester.DidYouMeanOrList(text, parameter.EnumMembers),
    };
}

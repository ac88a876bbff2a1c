using System;
using System.Globalization;

namespace Gateway.Dsl.Semantics;

/// <summary>Durations (<c>250ms</c>, <c>5s</c>, <c>1m</c>, <c>2h</c>) and sizes (<c>512b</c>, <c>64kb</c>, <c>10mb</c>,
/// <c>1gb</c>) as route files write them.</summary>
/// <remarks>A number of ASCII digits, then a lower-case unit, nothing between them; sizes count in powers of 1024, as nginx
/// reads <c>k</c> and <c>m</c>. No sign, no fraction and no bare number: <c>5</c> could mean seconds or milliseconds, and a
/// reviewer should not have to guess.</remarks>
public static class Units
{
    /// <summary>The duration units, longest suffix first so that <c>ms</c> is not read as <c>m</c> plus junk.</summary>
    private static readonly (string Suffix, long Milliseconds)[] DurationUnits =
    {
        ("ms", 1),
        ("s", 1000),
        ("m", 60_000),
        ("h", 3_600_000),
    };

    /// <summary>The size units, longest suffix first.</summary>
    private static readonly (string Suffix, long Bytes)[] SizeUnits =
    {
        ("kb", 1024),
        ("mb", 1024 * 1024),
        ("gb", 1024L * 1024 * 1024),
        ("b", 1),
    };

    /// <summary>How to write a duration, for messages.</summary>
    public const string DurationHelp = "write a whole number and a unit: '250ms', '5s', '1m' or '2h'";

    /// <summary>How to write a size, for messages.</summary>
    public const string SizeHelp = "write a whole number and a unit: '512b', '64kb', '10mb' or '1gb'";

    /// <summary>Reads a duration; false when <paramref name="text"/> is not one (or does not fit 24 days' worth of milliseconds).</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        foreach (var (suffix, milliseconds) in DurationUnits)
        {
            if (TryParse(text, suffix, milliseconds, int.MaxValue, out var value))
            {
                duration = TimeSpan.FromMilliseconds(value);
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a whole percentage from <c>1%</c> to <c>100%</c> (shares in <c>retry-budget</c>, <c>breaker</c>,
    /// <c>outlier</c> and <c>mirror</c>); false for anything else.</summary>
    public static bool TryParsePercent(string text, out int percent)
    {
        percent = 0;
        return text.Length > 1 && text[text.Length - 1] == '%'
            && int.TryParse(text.Substring(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out percent)
            && percent is >= 1 and <= 100;
    }

    /// <summary>Reads a size in bytes; false when <paramref name="text"/> is not one (or exceeds 1 TB).</summary>
    public static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        foreach (var (suffix, unit) in SizeUnits)
        {
            if (TryParse(text, suffix, unit, 1L << 40, out bytes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads <c>DIGITS SUFFIX</c> and multiplies by <paramref name="unit"/>; false past <paramref name="max"/>.</summary>
    private static bool TryParse(string text, string suffix, long unit, long max, out long value)
    {
        value = 0;
        if (!text.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = text.Substring(0, text.Length - suffix.Length);

        // More than twelve digits cannot fit either limit, and would overflow the multiplication.
        if (!NameRules.AllDigits(digits) || digits.Length > 12)
        {
            return false;
        }

        value = long.Parse(digits, CultureInfo.InvariantCulture) * unit;
        return value <= max;
    }

    /// <summary>Whether <paramref name="text"/> looks like a signed or fractional quantity (<c>-5s</c>, <c>1.5s</c>), for a
    /// message that says what is wrong with it.</summary>
    public static bool LooksSignedOrFractional(string text) =>
        text.Length > 1 && (text[0] == '-' || text[0] == '+' || (text.IndexOf('.') > 0 && NameRules.IsDigit(text[0])));
}

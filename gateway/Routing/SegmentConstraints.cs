using System.Globalization;
using Gateway.Dsl.Model;

namespace Gateway.Routing;

/// <summary>The checks behind <c>{id:int}</c> and friends; both matchers call these, so they cannot disagree.</summary>
public static class SegmentConstraints
{
    /// <summary>Whether <paramref name="segment"/> satisfies <paramref name="constraint"/>.</summary>
    public static bool Satisfies(ParameterConstraint constraint, ReadOnlySpan<char> segment) => constraint switch
    {
        ParameterConstraint.None => segment.Length > 0,
        ParameterConstraint.Int => IsInt(segment),
        ParameterConstraint.Long => IsLong(segment),
        ParameterConstraint.Guid => IsGuid(segment),
        ParameterConstraint.Alpha => IsAlpha(segment),
        _ => false,
    };

    /// <summary>An optional <c>-</c> and ASCII digits that fit <see cref="int"/>.</summary>
    public static bool IsInt(ReadOnlySpan<char> segment) =>
        IsSignedDigits(segment) && int.TryParse(segment, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>An optional <c>-</c> and ASCII digits that fit <see cref="long"/>.</summary>
    public static bool IsLong(ReadOnlySpan<char> segment) =>
        IsSignedDigits(segment) && long.TryParse(segment, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>A GUID in the <c>D</c> (8-4-4-4-12) or <c>B</c> (braced) form.</summary>
    public static bool IsGuid(ReadOnlySpan<char> segment) =>
        (segment.Length == 36 && Guid.TryParseExact(segment, "D", out _)) ||
        (segment.Length == 38 && Guid.TryParseExact(segment, "B", out _));

    /// <summary>One or more ASCII letters.</summary>
    public static bool IsAlpha(ReadOnlySpan<char> segment)
    {
        if (segment.Length == 0)
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSignedDigits(ReadOnlySpan<char> segment)
    {
        var digits = segment.Length > 0 && segment[0] == '-' ? segment[1..] : segment;
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

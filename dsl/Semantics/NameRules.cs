namespace Gateway.Dsl.Semantics;

/// <summary>The lexical rules for names: route and upstream names, path parameters, header tokens.</summary>
internal static class NameRules
{
    /// <summary>Whether <paramref name="name"/> is a route or upstream name: <c>[A-Za-z_][A-Za-z0-9_.-]*</c>.</summary>
    public static bool IsBlockName(string name)
    {
        if (name.Length == 0 || !(IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(IsAsciiLetter(c) || IsDigit(c) || c == '_' || c == '.' || c == '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="name"/> is a path parameter name: <c>[A-Za-z_][A-Za-z0-9_]*</c>.</summary>
    /// <remarks>Narrower than block names because generated code may turn captures into identifiers.</remarks>
    public static bool IsParameterName(string name)
    {
        if (name.Length == 0 || !(IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(IsAsciiLetter(c) || IsDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first character of <paramref name="name"/> that is not an HTTP token character (RFC 9110 §5.6.2), or -1.</summary>
    public static int FirstNonTokenChar(string name)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];

            // tchar from RFC 9110: letters, digits and these symbols.
            if (!(IsAsciiLetter(c) || IsDigit(c) || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether <paramref name="c"/> is an ASCII letter.</summary>
    /// <remarks>ASCII only on purpose: <see cref="char.IsLetter(char)"/> accepts letters that no HTTP token or generated
    /// identifier can hold.</remarks>
    public static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    /// <summary>Whether <paramref name="c"/> is an ASCII digit.</summary>
    public static bool IsDigit(char c) => c >= '0' && c <= '9';

    /// <summary>Whether <paramref name="c"/> may occur in a host name: a letter, a digit, '-' or '.'.</summary>
    public static bool IsHostChar(char c) => IsAsciiLetter(c) || IsDigit(c) || c == '-' || c == '.';

    /// <summary>Whether <paramref name="text"/> is a dotted-quad IPv4 address with each part from 0 to 255.</summary>
    public static bool IsIPv4(string text)
    {
        // Exactly four parts of one to three digits, each at most 255; no leading sign or spaces.
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0 || part.Length > 3 || !AllDigits(part) || int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="text"/> is non-empty and all ASCII digits.</summary>
    public static bool AllDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}

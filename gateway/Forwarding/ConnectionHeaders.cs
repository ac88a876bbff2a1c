using System.Net.Http.Headers;
using Microsoft.Extensions.Primitives;

namespace Gateway.Forwarding;

/// <summary>Removes the headers a message's <c>Connection</c> header names: they are hop-by-hop (RFC 9110 §7.6.1).</summary>
/// <remarks>YARP drops the fixed hop-by-hop set (Connection, Keep-Alive, Upgrade, TE, …) but copies headers that a
/// <c>Connection</c> header merely names, so the gateway removes those itself.</remarks>
public static class ConnectionHeaders
{
    /// <summary>Removes from <paramref name="headers"/> (and <paramref name="content"/>) each header named in <paramref name="connection"/>.</summary>
    public static void RemoveNamed(StringValues connection, HttpHeaders headers, HttpHeaders? content)
    {
        foreach (var value in connection)
        {
            if (value is null)
            {
                continue;
            }

            foreach (var range in value.AsSpan().Split(','))
            {
                var name = value.AsSpan()[range].Trim(' ').Trim('\t');
                if (IsToken(name))
                {
                    var text = name.ToString();
                    headers.Remove(text);
                    content?.Remove(text);
                }
            }
        }
    }

    /// <summary>Removes from <paramref name="headers"/> each header named in <paramref name="connection"/>.</summary>
    public static void RemoveNamed(IEnumerable<string> connection, IHeaderDictionary headers)
    {
        foreach (var name in connection)
        {
            headers.Remove(name);
        }
    }

    // HttpHeaders.Remove throws on names that are not RFC 9110 tokens; a malformed Connection value is skipped instead.
    private static bool IsToken(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c <= ' ' || c >= 0x7F || "\"(),/:;<=>?@[\\]{}".Contains(c))
            {
                return false;
            }
        }

        return true;
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Gateway.Policies.ApiKeys;

/// <summary>Reads the keys file of an <c>api-key</c> block: one <c>CONSUMER KEY</c> pair per line.</summary>
/// <remarks>
/// <para>The format (docs/dsl.md, <c>api-key</c>): UTF-8 text; a line is blank, a comment (its first non-blank character is
/// <c>#</c>), or two fields separated by spaces or tabs. The first field names the consumer (printable ASCII, since it
/// may be forwarded in a header); the second is the key itself, or <c>sha256:</c> and the 64 hex digits of the SHA-256
/// of the key's UTF-8 bytes, so that a file can hold hashes only. A consumer may have several keys.</para>
/// <para>A line that breaks these rules, or repeats a key already listed, is skipped and reported by number. The file as a
/// whole is unusable when it is not UTF-8 text, holds control characters, is larger than <see cref="MaxBytes"/>, or has
/// lines but not one usable key. A file of only blanks and comments is usable and holds no keys.</para>
/// <para>The file is parsed as bytes and each key is hashed straight from them, so no key ever exists as a string.</para>
/// </remarks>
public static class ApiKeyFile
{
    /// <summary>The largest keys file read, 1 MiB: about ten thousand keys.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The prefix of a key written as its hash.</summary>
    public const string HashPrefix = "sha256:";

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> HashPrefixBytes => "sha256:"u8;

    /// <summary>Reads <paramref name="content"/>, the file's bytes.</summary>
    public static ApiKeyFileReading Parse(ReadOnlySpan<byte> content)
    {
        if (content.Length > MaxBytes)
        {
            return ApiKeyFileReading.Failed($"it is larger than {MaxBytes} bytes");
        }

        if (content.StartsWith(Utf8Bom))
        {
            content = content[Utf8Bom.Length..];
        }

        if (!Utf8.IsValid(content))
        {
            return ApiKeyFileReading.Failed("it is not UTF-8 text");
        }

        var hashes = new List<byte[]>();
        var consumers = new List<string>();
        var firstLineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<ApiKeyFileProblem>();
        var lineNumber = 0;
        var sawEntry = false;
        while (!content.IsEmpty)
        {
            lineNumber++;
            var end = content.IndexOf((byte)'\n');
            var line = end < 0 ? content : content[..end];
            content = end < 0 ? ReadOnlySpan<byte>.Empty : content[(end + 1)..];
            if (line.EndsWith("\r"u8))
            {
                line = line[..^1];
            }

            if (ControlCharacter(line) is { } control)
            {
                return ApiKeyFileReading.Failed($"line {lineNumber} holds the control character U+{control:X4}");
            }

            line = line.Trim(" \t"u8);
            if (line.IsEmpty || line[0] == (byte)'#')
            {
                continue;
            }

            sawEntry = true;
            if (ReadLine(line, out var consumer, out var hash) is { } problem)
            {
                problems.Add(new ApiKeyFileProblem(lineNumber, problem));
                continue;
            }

            var id = Convert.ToHexString(hash);
            if (firstLineOfKey.TryGetValue(id, out var first))
            {
                problems.Add(new ApiKeyFileProblem(lineNumber, $"the key is the same as on line {first}"));
                continue;
            }

            firstLineOfKey.Add(id, lineNumber);
            hashes.Add(hash);
            consumers.Add(consumer);
        }

        if (sawEntry && hashes.Count == 0)
        {
            return new ApiKeyFileReading(null, "no line holds a usable key", problems);
        }

        var all = new byte[hashes.Count * ApiKeyHash.Size];
        for (var i = 0; i < hashes.Count; i++)
        {
            hashes[i].CopyTo(all, i * ApiKeyHash.Size);
        }

        return new ApiKeyFileReading(new ApiKeySet(all, consumers.ToArray()), null, problems);
    }

    // CONSUMER KEY, or CONSUMER sha256:HEX; returns what is wrong, or null.
    private static string? ReadLine(ReadOnlySpan<byte> line, out string consumer, out byte[] hash)
    {
        consumer = string.Empty;
        hash = Array.Empty<byte>();
        var gap = line.IndexOfAny(" \t"u8);
        if (gap < 0)
        {
            return "it names a consumer but no key; write 'CONSUMER KEY'";
        }

        var name = line[..gap];
        var key = line[gap..].TrimStart(" \t"u8);
        if (key.IndexOfAny(" \t"u8) >= 0)
        {
            return "it has more than two fields; a key cannot contain spaces";
        }

        if (name.IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E) >= 0)
        {
            return "the consumer name is not printable ASCII";
        }

        consumer = Encoding.ASCII.GetString(name);
        if (key.StartsWith(HashPrefixBytes))
        {
            return ReadHash(key[HashPrefixBytes.Length..], out hash);
        }

        hash = SHA256.HashData(key);
        return null;
    }

    // A keys file is text: a control character other than tab means a binary or damaged file, not a bad line.
    private static byte? ControlCharacter(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if ((b < 0x20 && b != (byte)'\t') || b == 0x7F)
            {
                return b;
            }
        }

        return null;
    }

    private static string? ReadHash(ReadOnlySpan<byte> hex, out byte[] hash)
    {
        hash = Array.Empty<byte>();
        if (hex.Length != ApiKeyHash.Size * 2)
        {
            return $"'{HashPrefix}' must be followed by {ApiKeyHash.Size * 2} hex digits";
        }

        var value = new byte[ApiKeyHash.Size];
        for (var i = 0; i < value.Length; i++)
        {
            if (!byte.TryParse(hex.Slice(i * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value[i]))
            {
                return $"'{HashPrefix}' must be followed by {ApiKeyHash.Size * 2} hex digits";
            }
        }

        hash = value;
        return null;
    }
}

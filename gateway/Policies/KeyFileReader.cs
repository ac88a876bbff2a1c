using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Policies;

/// <summary>Reads a <c>key-file</c>: a JWKS document, or one PEM public key (RSA or EC).</summary>
/// <remarks>Read when the table snapshot is built, so a reload picks up a replaced file. A file holding a private key
/// is refused: the gateway only verifies, and a private key has no business on its disk.</remarks>
public static class KeyFileReader
{
    /// <summary>The keys in <paramref name="path"/>, or null with a short reason in <paramref name="error"/>.</summary>
    public static JwtKeys? Read(string path, DateTimeOffset loadedAt, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error = ex is FileNotFoundException or DirectoryNotFoundException ? "no such file" : ex.Message;
            return null;
        }

        if (text.AsSpan().TrimStart().StartsWith("{"))
        {
            return JwksParser.Parse(text, loadedAt, out error);
        }

        var key = Pem(text, out error);
        return key is null ? null : new JwtKeys([key], loadedAt);
    }

    private static SecurityKey? Pem(string text, out string? error)
    {
        if (!PemEncoding.TryFind(text, out var fields))
        {
            error = "neither a JWKS document nor a PEM public key";
            return null;
        }

        var label = text[fields.Label];
        if (label.Contains("PRIVATE", StringComparison.Ordinal))
        {
            error = "it holds a private key; give the gateway the public key only (openssl pkey -pubout)";
            return null;
        }

        if (label is not ("PUBLIC KEY" or "RSA PUBLIC KEY"))
        {
            error = "PEM '" + label + "' is not a public key; write a 'PUBLIC KEY' block";
            return null;
        }

        error = null;
        var block = text[fields.Location];
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(block);
            if (rsa.KeySize < JwksParser.MinRsaBits)
            {
                error = "the RSA key has " + rsa.KeySize + " bits; use at least " + JwksParser.MinRsaBits;
                rsa.Dispose();
                return null;
            }

            return new RsaSecurityKey(rsa);
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(block);
            return new ECDsaSecurityKey(ecdsa);
        }
        catch (CryptographicException)
        {
            ecdsa.Dispose();
            error = "the PEM public key is neither RSA nor EC";
            return null;
        }
    }
}

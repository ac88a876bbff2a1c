namespace Gateway.Infra.StackFiles;

/// <summary>A container image reference split into repository, tag and digest: <c>ghcr.io/org/gateway:1.2.0@sha256:…</c>.</summary>
public sealed record ImageReference
{
    /// <summary>Registry and path, e.g. <c>ghcr.io/org/gateway</c>.</summary>
    public required string Repository { get; init; }

    /// <summary>The tag, e.g. <c>1.2.0</c>; also the <c>app.kubernetes.io/version</c> label.</summary>
    public required string Tag { get; init; }

    /// <summary>The digest including its algorithm, or null.</summary>
    public string? Digest { get; init; }

    /// <summary>The reference as the kubelet pulls it.</summary>
    public override string ToString() => Repository + ":" + Tag + (Digest is null ? "" : "@" + Digest);

    /// <summary>Splits <paramref name="text"/>, or returns null when it has no tag.</summary>
    /// <remarks>The tag is the part after the last <c>:</c> that follows the last <c>/</c>, so a registry port
    /// (<c>localhost:5000/gateway</c>) is not mistaken for one.</remarks>
    public static ImageReference? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? text : text[..at];
        var digest = at < 0 ? null : text[(at + 1)..];
        var colon = name.LastIndexOf(':');
        if (colon <= name.LastIndexOf('/') || colon == name.Length - 1 || colon == 0 || digest is { Length: 0 })
        {
            return null;
        }

        return new ImageReference { Repository = name[..colon], Tag = name[(colon + 1)..], Digest = digest };
    }
}

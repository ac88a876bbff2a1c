using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Gateway.Generator.Tests;

/// <summary>An AdditionalFile held in memory, as the compiler would hand a <c>routes.gw</c> to the generator.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    /// <summary>A file whose text is given as a string (no encoding, as an editor's unsaved buffer).</summary>
    public InMemoryAdditionalText(string path, string text)
        : this(path, SourceText.From(text))
    {
    }

    /// <summary>A file whose text was decoded from bytes, with the encoding the compiler chose for them.</summary>
    public InMemoryAdditionalText(string path, SourceText text)
    {
        Path = path;
        _text = text;
    }

    /// <inheritdoc/>
    public override string Path { get; }

    /// <inheritdoc/>
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

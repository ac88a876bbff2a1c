using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Gateway.Generator.Tests;

/// <summary>An AdditionalFile held in memory, as the compiler would hand a <c>routes.gw</c> to the generator.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    /// <inheritdoc/>
    public override string Path { get; } = path;

    /// <inheritdoc/>
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

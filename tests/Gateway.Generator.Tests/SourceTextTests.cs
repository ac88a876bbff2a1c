using System.Reflection;

namespace Gateway.Generator.Tests;

/// <summary>The emitted <c>SourceText</c> constant holds the route file's exact characters, whatever its line breaks.</summary>
public sealed class SourceTextTests
{
    private const string Routes = "# \"quoted\" and a\ttab\nroute health {\n  path /health\n  respond 200 \"ok \\\"fine\\\"\"\n}\n";

    public static TheoryData<string, string> Texts => new()
    {
        { "LF", Routes },
        { "LF without a final line break", Routes.TrimEnd('\n') },
        { "CRLF", Routes.Replace("\n", "\r\n") },
        { "CR", Routes.Replace("\n", "\r") },
        { "LINE SEPARATOR in a comment", "# a\u2028b\n" + Routes },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Generate_AnyLineBreaks_SourceTextEqualsFile(string name, string text)
    {
        var run = GeneratorHarness.Run(text);
        var assembly = GeneratorHarness.Load(run);

        var value = assembly.GetType("Sample.Routing.Routes")!.GetField("SourceText", BindingFlags.Public | BindingFlags.Static)!.GetRawConstantValue();

        Assert.True(text == (string?)value, name + ": the constant differs from the file");
        Assert.DoesNotContain('\r', run.SingleSource);
    }

    [Fact]
    public void Generate_LfFile_VerbatimLiteralReadsLikeTheFile()
    {
        var source = GeneratorHarness.Run(Routes).SingleSource;

        Assert.Contains("public const string SourceText = @\"# \"\"quoted\"\" and a\ttab\nroute health {\n  path /health\n", source);
    }
}

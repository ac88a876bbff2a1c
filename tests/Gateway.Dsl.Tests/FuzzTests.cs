using System.Text;
using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Tests;

/// <summary>Mutated and truncated versions of the valid corpus: the language must never throw, and every diagnostic
/// must point inside the text.</summary>
/// <remarks>Seeded, so a failure names an iteration that reproduces; the whole run takes a few seconds.</remarks>
public sealed class FuzzTests
{
    private const int Iterations = 5000;
    private const int Seed = 20250611;

    // Characters that matter to the lexer and parser, plus a few that should not.
    private static readonly HashSet<string> KnownCodes = DiagnosticCode.All.Select(info => info.Code).ToHashSet();

    private const string Alphabet = "{}{}\"\"##\\\n\n\r\t :/*.?=&-_aZ09\u0000\u0007\u00a0é";

    [Fact]
    public void Parse_MutatedCorpus_NeverThrowsAndKeepsSpansInText()
    {
        var corpus = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "cases", "valid"), "*.gw")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        Assert.NotEmpty(corpus);
        var random = new Random(Seed);

        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var text = Mutate(corpus[random.Next(corpus.Length)], random);
            try
            {
                Verify(text);
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                Assert.Fail("iteration " + iteration + " threw " + exception + "\n--- input ---\n" + text);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("\"")]
    [InlineData("route")]
    [InlineData("route {")]
    [InlineData("route a {")]
    [InlineData("route a { path")]
    [InlineData("route a { path /{")]
    [InlineData("route a { path /{**")]
    [InlineData("route a { respond 200 \"{")]
    [InlineData("route a { respond 200 \"\\")]
    [InlineData("listen [")]
    [InlineData("listen :")]
    [InlineData("upstream u { endpoints http://[")]
    [InlineData("\r\r\n\n}}}{{{")]
    public void Parse_Fragment_NeverThrows(string text)
    {
        Verify(text);
    }

    private static void Verify(string text)
    {
        var result = RouteFile.Parse(text, "fuzz.gw");
        var source = new SourceText(text, "fuzz.gw");
        foreach (var diagnostic in result.Diagnostics)
        {
            Assert.InRange(diagnostic.Span.Start, 0, text.Length);
            Assert.InRange(diagnostic.Span.End, diagnostic.Span.Start, text.Length);
            Assert.Equal(source.GetLineSpan(diagnostic.Span), diagnostic.LineSpan);
            Assert.Contains(diagnostic.Code, KnownCodes);
        }

        Assert.Equal(result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), result.Table is null);
        DiagnosticRenderer.Render(result.Diagnostics, source);
    }

    /// <summary>Applies one to four random edits: delete, insert, duplicate or drop a line, or truncate.</summary>
    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var edits = random.Next(1, 5);
        for (var edit = 0; edit < edits && builder.Length > 0; edit++)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(6))
            {
                case 0:
                    builder.Remove(at, Math.Min(random.Next(1, 8), builder.Length - at));
                    break;
                case 1:
                    builder.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2:
                    builder.Insert(at, builder[random.Next(builder.Length)]);
                    break;
                case 3:
                    var lines = builder.ToString().Split('\n').ToList();
                    var line = random.Next(lines.Count);
                    lines.Insert(line, lines[random.Next(lines.Count)]);
                    builder.Clear().Append(string.Join("\n", lines));
                    break;
                case 4:
                    var all = builder.ToString().Split('\n').ToList();
                    all.RemoveAt(random.Next(all.Count));
                    builder.Clear().Append(string.Join("\n", all));
                    break;
                default:
                    builder.Length = at;
                    break;
            }
        }

        return builder.ToString();
    }
}

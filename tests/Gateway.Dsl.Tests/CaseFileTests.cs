using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Tests;

/// <summary>Runs the corpus in <c>tests/cases</c>: valid files must check clean, invalid files must produce exactly the
/// diagnostics written by hand in their sibling <c>.diag</c> file, as <see cref="DiagnosticRenderer"/> prints them (first
/// line, source line, carets).</summary>
/// <remarks>An invalid case whose <c>.diag</c> holds only warnings (GW0226) still yields a table: warnings do not fail
/// the build.</remarks>
public sealed class CaseFileTests
{
    private static readonly string CasesDirectory = Path.Combine(AppContext.BaseDirectory, "cases");

    /// <summary>The names of the valid case files.</summary>
    public static TheoryData<string> ValidFiles => Names("valid");

    /// <summary>The names of the invalid case files.</summary>
    public static TheoryData<string> InvalidFiles => Names("invalid");

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Parse_ValidCase_ChecksClean(string name)
    {
        var result = Parse("valid", name);

        Assert.Empty(result.Diagnostics.Select(d => d.ToString()));
        Assert.NotNull(result.Table);
        Assert.NotEmpty(result.Table!.Routes);
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Parse_InvalidCase_ReportsExactlyTheDiagFile(string name)
    {
        var diagPath = Path.Combine(CasesDirectory, "invalid", Path.ChangeExtension(name, ".diag"));
        Assert.True(File.Exists(diagPath), name + " has no sibling .diag file");
        var expected = Lines(File.ReadAllText(diagPath));
        var text = RouteFileEncoding.Decode(File.ReadAllBytes(Path.Combine(CasesDirectory, "invalid", name)));

        var result = RouteFile.Parse(text, name);

        Assert.Equal(expected, Lines(DiagnosticRenderer.Render(result.Diagnostics, new SourceText(text, name))));
        Assert.Equal(expected.Any(line => line.Contains(": error GW", StringComparison.Ordinal)), result.Table is null);
    }

    [Fact]
    public void InvalidCases_CoverEveryDiagnosticCode()
    {
        // Only the first line of each rendered diagnostic starts in column 1; source and caret lines start with a space.
        var covered = Directory.GetFiles(Path.Combine(CasesDirectory, "invalid"), "*.diag")
            .SelectMany(File.ReadAllLines)
            .Where(line => !line.StartsWith(' '))
            .Select(line => line.Split(new[] { ": error ", ": warning " }, StringSplitOptions.None))
            .Where(parts => parts.Length > 1)
            .Select(parts => parts[1].Substring(0, 6))
            .ToHashSet();

        var missing = DiagnosticCode.All.Select(info => info.Code).Except(covered).ToList();
        Assert.True(missing.Count == 0, "no invalid case for " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Parse_InvalidCase_AddressAndEndpointSuggestionsCheckClean(string name)
    {
        // Whatever 'write X' an address or endpoint diagnostic offers must itself be accepted where it was suggested.
        var result = Parse("invalid", name);

        foreach (var diagnostic in result.Diagnostics)
        {
            Func<string, IReadOnlyList<string>>? check = diagnostic.Code switch
            {
                DiagnosticCode.InvalidAddress or DiagnosticCode.InvalidPort => Semantics.SuggestionProperty.CheckListen,
                DiagnosticCode.InvalidEndpoint => Semantics.SuggestionProperty.CheckEndpoint,
                _ => null,
            };
            foreach (var suggestion in check is null ? [] : Semantics.SuggestionProperty.Suggestions(diagnostic.Message))
            {
                Assert.True(check!(suggestion).Count == 0, name + ": '" + suggestion + "' does not check: " + string.Join("; ", check(suggestion)));
            }
        }
    }

    [Fact]
    public void All_Codes_AreUniqueAndInOrder()
    {
        var codes = DiagnosticCode.All.Select(info => info.Code).ToList();

        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Equal(codes.OrderBy(c => c, StringComparer.Ordinal), codes);
        Assert.Contains("GW0103", codes);
        Assert.Equal("GW0301", DiagnosticCode.AmbiguousRoutes);
    }

    // Bytes, decoded as the gateway decodes them, so that cases can hold bytes that are not UTF-8 (invalid-utf8.gw).
    private static CheckResult Parse(string folder, string name) =>
        RouteFile.Parse(RouteFileEncoding.Decode(File.ReadAllBytes(Path.Combine(CasesDirectory, folder, name))), name);

    // A golden may be checked out with \r\n; the renderer always writes \n.
    private static string[] Lines(string text) => text.Replace("\r\n", "\n").Split('\n');

    private static TheoryData<string> Names(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(CasesDirectory, folder), "*.gw").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}

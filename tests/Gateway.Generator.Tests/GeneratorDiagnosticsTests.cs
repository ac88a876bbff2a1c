using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Gateway.Generator.Tests;

/// <summary>A bad route file or a misused attribute yields located GW errors, never an exception.</summary>
public sealed class GeneratorDiagnosticsTests
{
    private const string UsersUpstream = """
        upstream users {
          endpoints http://127.0.0.1:5001
        }

        """;

    // A clean file with a route, for tests about the class rather than the file (a file without routes warns GW0226).
    private const string UsersRoute = UsersUpstream + "route all {\n  path /**\n  to users\n}\n";

    [Fact]
    public void Run_UndefinedUpstream_ReportsGW0103AtTheName()
    {
        var run = GeneratorHarness.Run(UsersUpstream + """
            route user-by-id {
              path /users/{id:int}
              to user
            }
            """);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("GW0103", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Contains("did you mean 'users'?", diagnostic.GetMessage());

        // Line 6, column 6 (1-based) is the 'user' of "  to user"; Roslyn counts from 0.
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(GeneratorHarness.RouteFilePath, span.Path);
        Assert.Equal(new(5, 5), span.StartLinePosition);
        Assert.Equal(new(5, 9), span.EndLinePosition);
        Assert.Equal("/src/routes.gw(6,6): error GW0103: upstream 'user' is not defined; did you mean 'users'?", diagnostic.ToString());
    }

    [Fact]
    public void Run_FileWithErrors_EmitsStubThatCompiles()
    {
        var run = GeneratorHarness.Run("route broken {\n  path /x\n  to nowhere\n}\n");

        Assert.Contains(run.Diagnostics, diagnostic => diagnostic.Id == "GW0103");
        Assert.Contains("return global::Gateway.Routing.RouteMatch.None; // No matcher", run.SingleSource);
        GeneratorHarness.AssertCompiles(run);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# routes come later\n")]
    [InlineData("listen 0.0.0.0:8080\n")]
    [InlineData(UsersUpstream)]
    public void Run_FileWithoutRoutes_WarnsGW0226AndEmitsMatcherThatAnswersNone(string text)
    {
        var run = GeneratorHarness.Run(text);

        // The warning is the only diagnostic; the output compiles with no CS warning (CS0219 for an unused local before).
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("GW0226", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(new(0, 0), diagnostic.Location.GetLineSpan().StartLinePosition);
        var assembly = GeneratorHarness.Load(run);
        var match = assembly.GetType("Sample.Routing.Routes")!.GetMethod("Match")!.CreateDelegate<Gateway.Routing.CompiledRouteMatcher.MatchFunction>();
        var request = new Gateway.Routing.RouteRequest("localhost", "GET", "/", string.Empty, headers: null);
        Assert.False(match(in request).Success);
    }

    [Theory]
    [InlineData("strict UTF-8 failed, fallback UTF-8 (Linux, macOS)")]
    [InlineData("strict UTF-8 failed, fallback code page (Windows)")]
    [InlineData("byte order mark")]
    public void Run_BytesNotUtf8_ReportsGW0012WhereTheGatewayDoes(string decodedAs)
    {
        // 'é' in Latin-1 (0xE9) after a UTF-8 'é': the compiler decodes the file one of these ways, by platform and mark.
        var bytes = "route r {\n  path /\n  respond 200 \"\u00e9 "u8.ToArray().Append((byte)0xE9).Concat("\"\n}\n"u8.ToArray()).ToArray();
        var text = decodedAs switch
        {
            "byte order mark" => SourceText.From([0xEF, 0xBB, 0xBF, .. bytes], bytes.Length + 3, encoding: null),
            "strict UTF-8 failed, fallback code page (Windows)" => SourceText.From(bytes, bytes.Length, System.Text.Encoding.Latin1),
            _ => SourceText.From(bytes, bytes.Length, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)),
        };

        var run = GeneratorHarness.Run([new InMemoryAdditionalText(GeneratorHarness.RouteFilePath, text)], [SampleSources.RoutesClass()]);

        var gateway = Gateway.Dsl.RouteFile.Parse(Gateway.Dsl.Text.RouteFileEncoding.Decode(bytes), "routes.gw");
        Assert.Equal("routes.gw(3,18): error GW0012: the file is not valid UTF-8 here (read as U+FFFD); save it as UTF-8 and retype what stood here", Assert.Single(gateway.Diagnostics).ToString());
        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("GW0012", diagnostic.Id);
        Assert.Equal(new(2, 17), diagnostic.Location.GetLineSpan().StartLinePosition);
        Assert.Equal(gateway.Diagnostics[0].Message, diagnostic.GetMessage());
        GeneratorHarness.AssertCompiles(run);
    }

    [Fact]
    public void Run_AttributeNamesMissingFile_ReportsGW0901AtTheAttribute()
    {
        var run = GeneratorHarness.Run(UsersRoute, SampleSources.RoutesClass("missing.gw"));

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("GW0901", diagnostic.Id);
        Assert.Contains("'missing.gw'", diagnostic.GetMessage());
        Assert.Equal("/src/Source0.cs", diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line); // [GeneratedRoutes("missing.gw")]
        GeneratorHarness.AssertCompiles(run);
    }

    [Fact]
    public void Run_ClassNotPartial_ReportsGW0903()
    {
        var source = SampleSources.RoutesClass(modifiers: "public static", declareMatch: false);

        var run = GeneratorHarness.Run(UsersRoute, source);

        var diagnostic = Assert.Single(run.Diagnostics);
        Assert.Equal("GW0903", diagnostic.Id);
        Assert.Contains("partial", diagnostic.GetMessage());
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Run_MatchNotDeclared_EmitsWholeMethod()
    {
        var source = SampleSources.RoutesClass(declareMatch: false);

        var run = GeneratorHarness.Run(UsersRoute, source);

        Assert.Empty(run.Diagnostics);
        Assert.Contains("public static global::Gateway.Routing.RouteMatch Match(in global::Gateway.Routing.RouteRequest request)", run.SingleSource);
        GeneratorHarness.AssertCompiles(run);
    }

    [Fact]
    public void Run_RandomText_ReportsLocatedDiagnosticsAndNeverThrows()
    {
        var random = new Random(20261128);
        for (var i = 0; i < 300; i++)
        {
            var text = RandomRouteFile(random);

            // The harness fails the test if an exception escapes the generator (CS8785 in a real build).
            var run = GeneratorHarness.Run(text);

            foreach (var diagnostic in run.Diagnostics)
            {
                Assert.StartsWith("GW", diagnostic.Id);
                Assert.NotEqual("GW0902", diagnostic.Id);
                var span = diagnostic.Location.SourceSpan;
                Assert.True(span.Start >= 0 && span.End <= text.Length, "span " + span + " outside a file of " + text.Length + ": " + text);
            }

            // Whatever the file, the output must compile: a matcher for a clean file, a stub for a broken one.
            if (i % 20 == 0)
            {
                GeneratorHarness.AssertCompiles(run);
            }
        }
    }

    // Mutations of a valid file reach deep into the parser and checker; pure noise exercises the lexer.
    private static string RandomRouteFile(Random random)
    {
        const string Valid = UsersUpstream + "route r {\n  host api.example.com *.example.org\n  method GET HEAD\n  path /users/{id:int}/**\n  header x-v 2\n  query q\n  to users\n}\n";
        const string Alphabet = "abcxyz019 {}/*:\"\\#\n\t.-_=@\u00e9\u0000\r";
        if (random.Next(4) == 0)
        {
            return new string(Enumerable.Range(0, random.Next(200)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
        }

        var chars = Valid.ToList();
        for (var edit = random.Next(1, 6); edit > 0 && chars.Count > 0; edit--)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                default:
                    chars[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
            }
        }

        return new string(chars.ToArray());
    }
}

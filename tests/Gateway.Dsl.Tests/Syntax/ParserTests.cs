using Gateway.Dsl.Diagnostics;
using Gateway.Dsl.Syntax;
using Gateway.Dsl.Text;

namespace Gateway.Dsl.Tests.Syntax;

/// <summary>The tree shape, brace handling, and recovery after shape errors.</summary>
public sealed class ParserTests
{
    [Fact]
    public void Parse_DirectivesAndBlocks_BuildsTree()
    {
        var (syntax, diagnostics) = Parse("listen 0.0.0.0:8080\nupstream u {\n  endpoints http://a http://b\n}\nroute r {\n  path /\n  to u\n}\n");

        Assert.Empty(diagnostics.Items);
        Assert.Equal("listen", Assert.Single(syntax.Directives).Name);
        Assert.Equal(new[] { "upstream", "route" }, syntax.Blocks.Select(b => b.Keyword.Text));
        var upstream = syntax.Blocks[0];
        Assert.Equal("u", upstream.Name!.Value.Text);
        Assert.Equal(2, Assert.Single(upstream.Directives).Arguments.Count);
        Assert.NotNull(upstream.CloseBrace);
        Assert.Equal(new[] { "path", "to" }, syntax.Blocks[1].Directives.Select(d => d.Name));
    }

    [Fact]
    public void Parse_CloseBraceEndingDirectiveLine_ClosesBlock()
    {
        var (syntax, diagnostics) = Parse("route r { path /a\n  to users}\nlisten :1\n");

        Assert.Empty(diagnostics.Items);
        var route = Assert.Single(syntax.Blocks);
        Assert.Equal(new[] { "path", "to" }, route.Directives.Select(d => d.Name));
        Assert.Equal("users", route.Directives[1].Arguments[0].Text);
        Assert.Single(syntax.Directives);
    }

    [Fact]
    public void Parse_StrayCloseBrace_ReportsItAndContinues()
    {
        var (syntax, diagnostics) = Parse("}\nlisten :80\n");

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.UnexpectedCloseBrace, diagnostic.Code);
        Assert.Equal(new TextSpan(0, 1), diagnostic.Span);
        Assert.Single(syntax.Directives);
    }

    [Fact]
    public void Parse_OpenBraceOnNextLine_ReportsBraceAndParsesBlock()
    {
        var (syntax, diagnostics) = Parse("route r\n{\n  path /\n}\n");

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.MissingOpenBrace, diagnostic.Code);
        Assert.Equal(new TextSpan(8, 1), diagnostic.Span);
        Assert.Equal("'{' must be on the same line as 'route r'; move it up", diagnostic.Message);
        Assert.Equal("path", Assert.Single(Assert.Single(syntax.Blocks).Directives).Name);
    }

    [Fact]
    public void Parse_MissingOpenBrace_ReportsEmptySpanAfterName()
    {
        var (syntax, diagnostics) = Parse("route r\n  path /\n}\n");

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.MissingOpenBrace, diagnostic.Code);
        Assert.Equal(new TextSpan(7, 0), diagnostic.Span);
        Assert.Equal("path", Assert.Single(Assert.Single(syntax.Blocks).Directives).Name);
    }

    [Fact]
    public void Parse_UnclosedBlockAtEnd_ReportsAtOpenBrace()
    {
        var (syntax, diagnostics) = Parse("route r {\n  path /\n");

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.UnclosedBlock, diagnostic.Code);
        Assert.Equal(new TextSpan(8, 1), diagnostic.Span);
        Assert.Null(Assert.Single(syntax.Blocks).CloseBrace);
    }

    [Fact]
    public void Parse_NextBlockBeforeClose_EndsOpenBlockAndParsesNext()
    {
        var (syntax, diagnostics) = Parse("route a {\n  path /a\nroute b {\n  path /b\n}\n");

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.UnclosedBlock, diagnostic.Code);
        Assert.Equal("route 'a' is not closed before 'route' on line 3; add '}' after its last directive", diagnostic.Message);
        Assert.Equal(new[] { "a", "b" }, syntax.Blocks.Select(b => b.Name!.Value.Text));
        Assert.Equal("/b", syntax.Blocks[1].Directives[0].Arguments[0].Text);
    }

    [Fact]
    public void Parse_BraceAfterDirectiveInBlock_OpensNestedBlock()
    {
        var (syntax, diagnostics) = Parse("route a {\n  jwt {\n    issuer x\n  }\n  path /\n}\n");

        Assert.Empty(diagnostics.Items);
        var directives = Assert.Single(syntax.Blocks).Directives;
        Assert.Equal(new[] { "jwt", "path" }, directives.Select(d => d.Name));
        Assert.Equal(new[] { "issuer" }, directives[0].Body!.Select(d => d.Name));
        Assert.NotNull(directives[0].CloseBrace);
        Assert.Null(directives[1].Body);
    }

    [Fact]
    public void Parse_NestedBlockNotClosed_ReportsAtItsBrace()
    {
        var (_, diagnostics) = Parse("route a {\n  jwt {\n    issuer x\n}\n");

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.UnclosedBlock, diagnostic.Code);
        Assert.Equal(new TextSpan(8, 1), diagnostic.Span);
        Assert.StartsWith("route 'a' is not closed at the end of the file", diagnostic.Message);
    }

    [Fact]
    public void Parse_BlockWithoutName_ReportsAtBrace()
    {
        var (_, diagnostics) = Parse("route {\n}\n");

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.InvalidBlockHeader, diagnostic.Code);
        Assert.Equal(new TextSpan(6, 1), diagnostic.Span);
    }

    [Fact]
    public void Parse_BlockWithTwoNames_ReportsExtraWords()
    {
        var (syntax, diagnostics) = Parse("route a b c {\n}\n");

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.InvalidBlockHeader, diagnostic.Code);
        Assert.Equal(new TextSpan(8, 3), diagnostic.Span);
        Assert.Equal("unexpected 'b c' after route 'a'; write 'route NAME {' with a single name", diagnostic.Message);
        Assert.Equal("a", Assert.Single(syntax.Blocks).Name!.Value.Text);
    }

    [Fact]
    public void Parse_LineStartingWithString_ReportsAndSkipsLine()
    {
        var (syntax, diagnostics) = Parse("route a {\n  \"path\" /a\n  to u\n}\n");

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCode.ExpectedDirective, diagnostic.Code);
        Assert.Equal(new TextSpan(12, 6), diagnostic.Span);
        Assert.Equal("to", Assert.Single(Assert.Single(syntax.Blocks).Directives).Name);
    }

    [Fact]
    public void Parse_UnknownKeywordWithBrace_IsBlock()
    {
        var (syntax, diagnostics) = Parse("rute a {\n  path /a\n}\n");

        Assert.Empty(diagnostics.Items);
        Assert.Equal("rute", Assert.Single(syntax.Blocks).Keyword.Text);
        Assert.Empty(syntax.Directives);
    }

    private static (RouteFileSyntax Syntax, DiagnosticBag Diagnostics) Parse(string text)
    {
        var diagnostics = new DiagnosticBag(new SourceText(text, "test.gw"));
        return (Parser.Parse(diagnostics.Source, diagnostics), diagnostics);
    }
}

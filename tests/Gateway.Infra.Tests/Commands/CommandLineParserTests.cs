using Gateway.Infra.Commands;

namespace Gateway.Infra.Tests.Commands;

/// <summary>Argument parsing: each command with the options that fit it.</summary>
public sealed class CommandLineParserTests
{
    [Fact]
    public void Parse_DestroyWithEveryOption_ReadsThemAll()
    {
        var line = Parse("destroy", "--stack", "prod", "--kubeconfig", "k", "--context", "c", "--routes", "r", "--stacks", "s", "--delete-crd");

        Assert.Equal(
            new CommandLine { Command = CommandKind.Destroy, Stack = "prod", Kubeconfig = "k", Context = "c", RoutesPath = "r", StacksDirectory = "s", DeleteCrd = true },
            line);
    }

    [Fact]
    public void Parse_UpWithForceConflicts_SetsIt()
    {
        Assert.True(Parse("up", "--force-conflicts", "--stack", "dev").ForceConflicts);
    }

    [Fact]
    public void Parse_RenderWithOut_SetsTheFolder()
    {
        Assert.Equal("manifests", Parse("render", "--stack", "dev", "--out", "manifests").OutDirectory);
    }

    [Fact]
    public void Parse_OptionTwice_IsAnError()
    {
        Assert.Equal("option '--stack' is given twice", CommandLineParser.Parse(["render", "--stack", "a", "--stack", "b"]).Error);
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("up", "-h")]
    public void Parse_HelpOrNothing_AsksForHelp(params string[] args)
    {
        Assert.True(CommandLineParser.Parse(args).Help);
    }

    /// <summary>The subject: parses and expects success.</summary>
    private static CommandLine Parse(params string[] args)
    {
        var result = CommandLineParser.Parse(args);
        Assert.Null(result.Error);
        return result.CommandLine!;
    }
}

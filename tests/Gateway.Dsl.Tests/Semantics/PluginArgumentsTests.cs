using Gateway.Dsl.Collections;
using Gateway.Dsl.Model;
using Gateway.Dsl.Semantics;

namespace Gateway.Dsl.Tests.Semantics;

/// <summary>The written forms of plugin arguments: one rule per parameter kind, shared by the build and the gateway.</summary>
public sealed class PluginArgumentsTests
{
    [Theory]
    [InlineData(PluginParameterKind.String, "anything at all", true)]
    [InlineData(PluginParameterKind.Int32, "-42", true)]
    [InlineData(PluginParameterKind.Int32, "+7", true)]
    [InlineData(PluginParameterKind.Int32, " 7", false)]
    [InlineData(PluginParameterKind.Int32, "1_000", false)]
    [InlineData(PluginParameterKind.Int32, "4294967296", false)]
    [InlineData(PluginParameterKind.Int64, "4294967296", true)]
    [InlineData(PluginParameterKind.Int64, "9223372036854775808", false)]
    [InlineData(PluginParameterKind.Boolean, "true", true)]
    [InlineData(PluginParameterKind.Boolean, "false", true)]
    [InlineData(PluginParameterKind.Boolean, "True", false)]
    [InlineData(PluginParameterKind.Boolean, "1", false)]
    [InlineData(PluginParameterKind.Duration, "250ms", true)]
    [InlineData(PluginParameterKind.Duration, "2h", true)]
    [InlineData(PluginParameterKind.Duration, "5", false)]
    [InlineData(PluginParameterKind.Duration, "1.5s", false)]
    public void Fits_WrittenForm_AcceptedOrNot(PluginParameterKind kind, string text, bool fits) =>
        Assert.Equal(fits, PluginArguments.Fits(new PluginParameter { Name = "p", Kind = kind, IsOptional = false }, text));

    [Fact]
    public void Fits_EnumMember_CaseSensitive()
    {
        var parameter = new PluginParameter
        {
            Name = "mode", Kind = PluginParameterKind.Enum, IsOptional = false, EnumName = "Mode",
            EnumMembers = new[] { "Fast", "Safe" }.ToEquatableArray(),
        };

        Assert.True(PluginArguments.Fits(parameter, "Safe"));
        Assert.False(PluginArguments.Fits(parameter, "safe"));
        Assert.False(PluginArguments.Fits(parameter, "1"));
    }

    [Fact]
    public void Read_CheckedText_TheValue()
    {
        Assert.Equal(-42, PluginArguments.ReadInt32("-42"));
        Assert.Equal(4294967296L, PluginArguments.ReadInt64("4294967296"));
        Assert.False(PluginArguments.ReadBoolean("false"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), PluginArguments.ReadDuration("250ms"));
    }

    [Fact]
    public void Read_UncheckedText_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => PluginArguments.ReadInt32("abc"));
}

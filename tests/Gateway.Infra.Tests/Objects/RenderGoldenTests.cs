using Gateway.Infra.Commands;
using Gateway.Infra.Objects;
using k8s;
using k8s.Models;

namespace Gateway.Infra.Tests.Objects;

/// <summary>Pins the rendered manifests of the dev stack: <c>Golden/dev.yaml</c> was generated once, reviewed line by line, and
/// checked in; any change to an object shows up here as a diff to review.</summary>
/// <remarks>To accept an intended change, run
/// <c>dotnet run --project infra -- render --stack dev --routes tests/Gateway.Infra.Tests/Golden/dev.routes.gw &gt; tests/Gateway.Infra.Tests/Golden/dev.yaml</c>
/// and review the diff before committing it.</remarks>
public sealed class RenderGoldenTests
{
    [Fact]
    public void ToYaml_DevStack_MatchesGolden()
    {
        var expected = File.ReadAllText(Path.Combine(RepositoryPaths.Golden, "dev.yaml")).ReplaceLineEndings("\n");

        var actual = RenderDev();

        AssertSameText(expected, actual);
    }

    [Fact]
    public void ToYaml_DevStack_RoundTripsThroughStrictYaml()
    {
        var state = GatewayObjects.Build(Samples.Stack("dev"), Samples.Routes());

        // strict: unknown or duplicate keys throw, so this proves every key is a real field of its kind.
        var loaded = KubernetesYaml.LoadAllFromString(RenderDev(), strict: true);

        Assert.Equal(state.Objects.Select(o => $"{o.ApiVersion}/{o.Kind}/{o.Metadata.Name}"),
            loaded.Cast<IKubernetesObject<V1ObjectMeta>>().Select(o => $"{o.ApiVersion}/{o.Kind}/{o.Metadata.Name}"));
    }

    [Fact]
    public void ToYaml_DevStack_EveryDocumentStartsWithSeparatorAndEndsWithNewline()
    {
        var yaml = RenderDev();

        Assert.StartsWith("---\n", yaml, StringComparison.Ordinal);
        Assert.EndsWith("\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("}---", yaml, StringComparison.Ordinal);
        Assert.All(yaml.Split('\n').Where(l => l.Contains("---", StringComparison.Ordinal) && !l.TrimStart().StartsWith('#')),
            line => Assert.True(line == "---" || !line.EndsWith("---", StringComparison.Ordinal), $"separator glued to a line: '{line}'"));
    }

    /// <summary>The subject: the dev stack with the pinned route file, rendered as one stream.</summary>
    private static string RenderDev() => ManifestWriter.ToYaml(GatewayObjects.Build(Samples.Stack("dev"), Samples.Routes()).Objects);

    /// <summary>Fails with the first differing line, which is far easier to read than two 800-line strings.</summary>
    private static void AssertSameText(string expected, string actual)
    {
        if (expected == actual)
        {
            return;
        }

        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        Assert.Fail($"render differs from Golden/dev.yaml at line {line + 1}:\n" +
            $"  expected: {(line < e.Length ? e[line] : "<end>")}\n  actual:   {(line < a.Length ? a[line] : "<end>")}");
    }
}

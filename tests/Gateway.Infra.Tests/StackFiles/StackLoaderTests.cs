using Gateway.Infra.StackFiles;

namespace Gateway.Infra.Tests.StackFiles;

/// <summary>Stack files: the checked-in ones load, and each kind of mistake gives one message naming the field and the fix.</summary>
public sealed class StackLoaderTests : IDisposable
{
    private const string Valid = """
        {
          "namespace": "gateway-test",
          "image": "registry.example/gateway:2.0.0",
          "replicas": { "min": 2, "max": 4 },
          "resources": { "requests": { "cpu": "250m", "memory": "128Mi" }, "limits": { "memory": "256Mi" } }
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("stacks-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Stacks => Samples.StackNames;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Load_CheckedInStack_Loads(string name)
    {
        var result = StackLoader.Load(RepositoryPaths.Stacks, name, "infra/stacks");

        Assert.Empty(result.Errors);
        Assert.Equal(name, result.Stack!.Name);
    }

    [Fact]
    public void Load_MinimalStack_FillsDefaults()
    {
        var stack = Load(Valid).Stack!;

        Assert.True(stack.CreateNamespace);
        Assert.Equal("ClusterIP", stack.ServiceType);
        Assert.Equal(70, stack.Replicas.CpuUtilization);
        Assert.Empty(stack.Hosts);
        Assert.Null(stack.Redis);
        Assert.Null(stack.Resources.CpuLimit);
        Assert.Equal(("registry.example/gateway", "2.0.0"), (stack.Image.Repository, stack.Image.Tag));
    }

    [Fact]
    public void Load_UnknownStack_SaysWhichStacksExist()
    {
        File.WriteAllText(Path.Combine(_directory, "dev.json"), Valid);

        var error = Assert.Single(StackLoader.Load(_directory, "staging", "infra/stacks").Errors);

        Assert.Equal("error: stack 'staging' not found: there is no infra/stacks/staging.json; known stacks: dev", error);
    }

    [Fact]
    public void Load_NameWithPath_IsRejectedBeforeTouchingFiles()
    {
        var error = Assert.Single(StackLoader.Load(_directory, "../secrets", "infra/stacks").Errors);

        Assert.StartsWith("error: stack name '../secrets' is not valid", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"image\": \"registry.example/gateway:2.0.0\",", "", "image is required")]
    [InlineData("\"image\": \"registry.example/gateway:2.0.0\"", "\"image\": \"registry.example/gateway\"", "image 'registry.example/gateway' has no tag")]
    [InlineData("\"image\": \"registry.example/gateway:2.0.0\"", "\"image\": \"localhost:5000/gateway\"", "image 'localhost:5000/gateway' has no tag")]
    [InlineData("\"min\": 2", "\"min\": -1", "replicas.min is -1; it must be at least 2")]
    [InlineData("\"min\": 2", "\"min\": 1", "replicas.min is 1; it must be at least 2")]
    [InlineData("\"max\": 4", "\"max\": -3", "replicas.max is -3, below replicas.min (2)")]
    [InlineData("\"max\": 4", "\"max\": 4, \"cpuUtilization\": 0", "replicas.cpuUtilization is 0")]
    [InlineData("\"cpu\": \"250m\"", "\"cpu\": \"lots\"", "resources.requests.cpu 'lots' is not a positive Kubernetes quantity")]
    [InlineData("\"cpu\": \"250m\"", "\"cpu\": \"0\"", "resources.requests.cpu '0' is not a positive Kubernetes quantity")]
    [InlineData("\"memory\": \"256Mi\"", "\"memory\": \"64Mi\"", "resources.requests.memory (128Mi) is above resources.limits.memory (64Mi)")]
    [InlineData("\"namespace\": \"gateway-test\"", "\"namespace\": \"Gateway_Test\"", "namespace 'Gateway_Test' is not a DNS label")]
    [InlineData("\"namespace\": \"gateway-test\"", "\"namespace\": \"gateway-test\", \"serviceType\": \"ExternalName\"", "serviceType 'ExternalName' is not supported")]
    [InlineData("\"namespace\": \"gateway-test\"", "\"namespace\": \"gateway-test\", \"hosts\": [\"API.example.com\"]", "hosts: 'API.example.com' is not a lower-case DNS name")]
    [InlineData("\"namespace\": \"gateway-test\"", "\"namespace\": \"gateway-test\", \"redis\": \"redis\"", "redis 'redis' is not host:port")]
    [InlineData("\"namespace\": \"gateway-test\"", "\"namespace\": \"gateway-test\", \"replica\": 3", "unknown property 'replica'")]
    [InlineData("\"min\": 2", "\"min\": \"two\"", "'replicas.min' must be a whole number")]
    public void Load_OneMistake_GivesOneMessageNamingTheField(string find, string replace, string expected)
    {
        var errors = Load(Valid.Replace(find, replace, StringComparison.Ordinal)).Errors;

        var error = Assert.Single(errors);
        Assert.StartsWith("infra/stacks/test.json", error, StringComparison.Ordinal);
        Assert.Contains(": error: " + expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralMistakes_ReportsEachOnItsOwnLine()
    {
        var errors = Load("""{ "namespace": "x", "replicas": { "min": -1, "max": -2 } }""").Errors;

        Assert.Contains(errors, e => e.Contains("image is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("replicas.min is -1", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("resources.requests.cpu is required", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CommentsAndTrailingCommas_AreAccepted()
    {
        var result = Load(Valid.Replace("\"replicas\"", "// how many\n  \"replicas\"", StringComparison.Ordinal).Replace("\"max\": 4", "\"max\": 4,", StringComparison.Ordinal));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Load_InvalidJson_NamesThePosition()
    {
        var error = Assert.Single(Load("{ \"namespace\": ").Errors);

        Assert.Matches(@"^infra/stacks/test\.json\(\d+,\d+\): error: the file is not valid JSON", error);
    }

    /// <summary>The subject: loads <paramref name="json"/> as stack <c>test</c>.</summary>
    private StackLoadResult Load(string json)
    {
        File.WriteAllText(Path.Combine(_directory, "test.json"), json);
        return StackLoader.Load(_directory, "test", "infra/stacks");
    }
}

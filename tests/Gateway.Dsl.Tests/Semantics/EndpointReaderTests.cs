namespace Gateway.Dsl.Tests.Semantics;

/// <summary>Endpoint URLs: near-miss schemes get the endpoint they most likely meant, and each suggestion checks clean.</summary>
public sealed class EndpointReaderTests
{
    [Theory]
    [InlineData("http:/127.0.0.1:7001", "http://127.0.0.1:7001")]
    [InlineData("http:127.0.0.1:7001", "http://127.0.0.1:7001")]
    [InlineData("HTTP:/x", "http://x")]
    [InlineData("htp://x", "http://x")]
    [InlineData("htps://x", "https://x")]
    [InlineData("https:/x:8443/base", "https://x:8443/base")]
    [InlineData("ftp://files.internal", "http://files.internal")]
    [InlineData("127.0.0.1:5001", "http://127.0.0.1:5001")]
    [InlineData("localhost:5001", "http://localhost:5001")]
    public void Read_NearMissOrNoScheme_SuggestsTheMeantEndpoint(string endpoint, string fix)
    {
        var diagnostic = Assert.Single(SuggestionProperty.CheckEndpoint(endpoint));

        Assert.Contains(": error GW0210: ", diagnostic);
        Assert.Equal([fix], SuggestionProperty.Suggestions(diagnostic));
    }

    [Theory]
    [InlineData("HTTP://127.0.0.1:5001")]
    [InlineData("Https://users.internal/base")]
    public void Read_UpperCaseScheme_IsFine(string endpoint)
    {
        Assert.Empty(SuggestionProperty.CheckEndpoint(endpoint));
    }

    [Theory]
    [InlineData("127.0.0.1:5001")]
    [InlineData("http:/127.0.0.1:7001")]
    [InlineData("http:x")]
    [InlineData("http:8080")]
    [InlineData("htp://x")]
    [InlineData("ws://x")]
    [InlineData("http:///x")]
    [InlineData("/relative")]
    [InlineData("users")]
    [InlineData("http:")]
    [InlineData("http:/")]
    [InlineData("a:b:c")]
    [InlineData("http://")]
    [InlineData("ftp:/x")]
    [InlineData("http://a/?q=1")]
    [InlineData("http://a/#top")]
    [InlineData("http://me:secret@a/")]
    [InlineData("http:\\\\x")]
    public void Read_BadEndpoint_EverySuggestionChecksClean(string endpoint)
    {
        var diagnostics = SuggestionProperty.CheckEndpoint(endpoint);

        Assert.NotEmpty(diagnostics);
        foreach (var suggestion in diagnostics.SelectMany(SuggestionProperty.Suggestions))
        {
            Assert.True(SuggestionProperty.CheckEndpoint(suggestion).Count == 0, "'" + endpoint + "' suggests '" + suggestion + "', which does not check: " + string.Join("; ", SuggestionProperty.CheckEndpoint(suggestion)));
        }
    }
}

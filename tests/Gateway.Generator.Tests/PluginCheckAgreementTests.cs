using Gateway.Routing;

namespace Gateway.Generator.Tests;

/// <summary>Build time and run time agree on <c>plugin</c> lines: the same bad file gets the same located diagnostics from
/// the generator (against the repository's plugin classes) and from the gateway's loader (against its compiled registry).</summary>
public sealed class PluginCheckAgreementTests
{
    private const string BadFile = """
        upstream users {
          endpoints http://127.0.0.1:5001
        }

        policy tenants {
          plugin tenant-tag
        }

        route a {
          path /a
          use tenants
          plugin tenant-tg X-Tenant
          plugin tenant-tag X-Tenant acme maybe
          plugin tenant-tag X-Tenant acme true X-Tenant-Id extra
          to users
        }
        """;

    [Fact]
    public void BuildAndLoad_SameBadFile_SameDiagnostics()
    {
        var build = GeneratorHarness.Run(BadFile).Diagnostics.Select(diagnostic => diagnostic.ToString());

        var load = RouteTableLoader.Check(RouteSource.Interpreted(BadFile, GeneratorHarness.RouteFilePath));

        Assert.Null(load.Table);
        Assert.Equal(
            [
                "/src/routes.gw(6,10): error GW0906: plugin 'tenant-tag' takes 1 to 4 arguments, found 0; write 'plugin tenant-tag header [fallback] [required] [upstreamHeader]'",
                "/src/routes.gw(12,10): error GW0904: plugin 'tenant-tg' is not defined; did you mean 'tenant-tag'?",
                "/src/routes.gw(13,35): error GW0905: 'maybe' is not a bool for parameter 'required' of plugin 'tenant-tag'; write 'true' or 'false'",
                "/src/routes.gw(14,52): error GW0906: plugin 'tenant-tag' takes 1 to 4 arguments, found 5; write 'plugin tenant-tag header [fallback] [required] [upstreamHeader]'",
            ],
            build);
        Assert.Equal(build, load.Diagnostics.Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public void BuildAndLoad_PluginErrorBesideAnotherError_BothInOneRound()
    {
        const string File = "route a {\n  path /a\n  plugin tenant-tags X-Tenant\n  respond 200\n}\nroute b {\n  path /b\n  respond 301 \"x\"\n}\n";

        var build = GeneratorHarness.Run(File).Diagnostics.Select(diagnostic => diagnostic.ToString()).Order(StringComparer.Ordinal).ToList();

        var load = RouteTableLoader.Check(RouteSource.Interpreted(File, GeneratorHarness.RouteFilePath));

        Assert.Equal(
            [
                "/src/routes.gw(3,10): error GW0904: plugin 'tenant-tags' is not defined; did you mean 'tenant-tag'?",
                "/src/routes.gw(8,11): error GW0224: 'respond 301' sends no Location; write 'redirect 301 path /new/place' instead",
            ],
            build);
        Assert.Equal(build, load.Diagnostics.Select(diagnostic => diagnostic.ToString()).Order(StringComparer.Ordinal));
    }
}

using System.Net.Sockets;
using System.Text;
using Gateway.Hosting;
using Gateway.IntegrationTests.Common;
using Gateway.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Hosting;

/// <summary>Startup and connection-level behaviour of the host.</summary>
public sealed class GatewayAppTests
{
    [Fact]
    public void Build_RouteFileWithErrors_ReturnsNullAndPrintsDiagnostics()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gateway-bad-{Guid.NewGuid():N}.gw");
        File.WriteAllText(path, "route r {\n  path /x\n  to nowhere\n}\n");
        try
        {
            var errors = new StringWriter();

            var app = GatewayApp.Build([$"--Gateway:RoutesFile={path}", "--Gateway:Listen=127.0.0.1:0", "--Gateway:Admin=127.0.0.1:0"], errors);

            Assert.Null(app);
            Assert.Contains(": error GW", errors.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Build_RouteFileWithUnknownPlugin_ReturnsNullAndPrintsTheLocatedError()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gateway-plugin-{Guid.NewGuid():N}.gw");
        File.WriteAllText(path, "route r {\n  path /x\n  plugin tenant-tga X-Tenant\n  respond 204\n}\n");
        try
        {
            var errors = new StringWriter();

            var app = GatewayApp.Build([$"--Gateway:RoutesFile={path}", "--Gateway:Listen=127.0.0.1:0", "--Gateway:Admin=127.0.0.1:0"], errors);

            // The message and position the build reports for the same line, printed like every other route-file error.
            Assert.Null(app);
            Assert.Equal(path + "(3,10): error GW0904: plugin 'tenant-tga' is not defined; did you mean 'tenant-tag'?" + Environment.NewLine, errors.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Build_NoRouteFile_ServesTheCompiledRouter()
    {
        var app = GatewayApp.Build(["--Gateway:Listen=127.0.0.1:0", "--Gateway:Admin=127.0.0.1:0"], TextWriter.Null, builder => builder.Logging.ClearProviders());
        Assert.NotNull(app);
        await using (app)
        {
            await app.StartAsync();
            var table = app.Services.GetRequiredService<RouteTableHolder>().Current!;
            var listeners = app.Services.GetRequiredService<GatewayListeners>();
            using var admin = new HttpClient { BaseAddress = listeners.AdminUri };

            using var ready = await admin.GetAsync("/readyz");

            Assert.Equal("compiled", table.Router);
            Assert.Equal("routes.gw", table.Table.FilePath);
            Assert.True(table.RouteCount > 0);
            Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
            await app.StopAsync();
        }
    }

    [Fact]
    public void Build_MissingRouteFile_ReturnsNullAndSaysWhy()
    {
        var errors = new StringWriter();

        var app = GatewayApp.Build(["--Gateway:RoutesFile=/nonexistent/routes.gw"], errors);

        Assert.Null(app);
        Assert.Contains("cannot read route file", errors.ToString());
    }

    [Fact]
    public async Task StartAsync_MalformedRequest_Kestrel400AndNoErrorLog()
    {
        await using var gateway = await CreateGatewayAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(gateway.PublicUri.Host, gateway.PublicUri.Port);
        var stream = tcp.GetStream();

        // ReadTimeout does not apply to ReadAsync; a token bounds the wait (generously, for a busy CI machine).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stream.WriteAsync("GET /ping HTTP/1.1\r\nHost: x\r\nthis line has no colon\r\n\r\n"u8.ToArray(), timeout.Token);
        var buffer = new byte[4096];
        var read = await stream.ReadAtLeastAsync(buffer, "HTTP/1.1 400".Length, throwOnEndOfStream: false, timeout.Token);
        var reply = Encoding.ASCII.GetString(buffer, 0, read);

        Assert.StartsWith("HTTP/1.1 400", reply);
        Assert.DoesNotContain(gateway.Logs.Entries, e => e.Level >= LogLevel.Error);
    }

    private static Task<GatewayHost> CreateGatewayAsync() => GatewayHost.StartAsync("""
        route ping {
          path /ping
          respond 200 "pong"
        }
        """);
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Forwarding;
using Gateway.Hosting;
using Gateway.IntegrationTests.Common;
using Gateway.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Hosting;

/// <summary>Startup and connection-level behaviour of the host.</summary>
public sealed class GatewayAppTests
{
    [Fact]
    public void Build_RouteFileWithErrors_ReturnsNullAndPrintsEachDiagnosticWithCarets()
    {
        var directory = Directory.CreateTempSubdirectory("gateway-bad-");
        var path = Path.Combine(directory.FullName, "routes.gw");
        File.WriteAllText(path, "route r {\n  path /x\n  to nowhere\n}\n\nroute s {\n  path /y\n  to elsewhere\n}\n");
        try
        {
            var errors = new StringWriter();

            var app = GatewayApp.Build([$"--Gateway:RoutesFile={path}", "--Gateway:Listen=127.0.0.1:0", "--Gateway:Admin=127.0.0.1:0"], errors);

            Assert.Null(app);
            Assert.Equal(
                [
                    $"{path}(3,6): error GW0103: upstream 'nowhere' is not defined; define it with 'upstream nowhere {{ endpoints … }}'",
                    " 3 |   to nowhere",
                    "   |      ^^^^^^^",
                    $"{path}(8,6): error GW0103: upstream 'elsewhere' is not defined; define it with 'upstream elsewhere {{ endpoints … }}'",
                    " 8 |   to elsewhere",
                    "   |      ^^^^^^^^^",
                ],
                errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Build_RouteFileNotUtf8_ReturnsNullAndPrintsGW0012AtTheByte()
    {
        // A Latin-1 'é' (0xE9) in a body used to become U+FFFD silently and be served; now it is located like the build's error.
        var path = Path.Combine(Path.GetTempPath(), $"gateway-latin1-{Guid.NewGuid():N}.gw");
        File.WriteAllBytes(path, [.. "route r {\n  path /\n  respond 200 \"caf"u8, 0xE9, .. "\"\n}\n"u8]);
        try
        {
            var errors = new StringWriter();

            var app = GatewayApp.Build([$"--Gateway:RoutesFile={path}", "--Gateway:Listen=127.0.0.1:0", "--Gateway:Admin=127.0.0.1:0"], errors);

            Assert.Null(app);
            Assert.Equal(
                path + "(3,19): error GW0012: the file is not valid UTF-8 here (read as U+FFFD); save it as UTF-8 and retype what stood here",
                errors.ToString().Split('\n')[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Build_ListenOverrideWithHostName_ReturnsNullAndPrintsTheRouteLanguageMessage()
    {
        var errors = new StringWriter();

        var app = GatewayApp.Build(["--Gateway:Listen=gateway-1.internal:9000", "--Gateway:Admin=127.0.0.1:0"], errors);

        Assert.Null(app);
        Assert.Equal(
            "error: listen address 'gateway-1.internal:9000' (Gateway:Listen): 'gateway-1.internal' is a host name, and the gateway binds IP addresses only; write '0.0.0.0:9000' to listen on every interface, or an IP address of this machine",
            errors.ToString().TrimEnd());
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
            Assert.Equal(path + "(3,10): error GW0904: plugin 'tenant-tga' is not defined; did you mean 'tenant-tag'?", errors.ToString().Split('\n')[0].TrimEnd('\r'));
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

    [Theory]
    [InlineData("")]
    [InlineData("upstream users {\n  endpoints http://127.0.0.1:5001\n}\n")]
    public async Task Build_RouteFileWithoutRoutes_StartsWithNoRoutesAnswers404AndLogsTheWarning(string routes)
    {
        // The build warns GW0226 for the same file and compiles a matcher that matches nothing; run time agrees.
        await using var gateway = await GatewayHost.StartAsync(routes);
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/anything");

        Assert.Equal(0, gateway.App.Services.GetRequiredService<RouteTableHolder>().Current!.RouteCount);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        var warning = Assert.Single(gateway.Logs.Entries, e => e.Message.Contains("GW0226", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.EndsWith("(1,1): warning GW0226: the file has no routes, so every request gets 404; add a 'route NAME { … }' block", warning.Message);
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

    [Theory]
    [InlineData("Listen", "listen")]
    [InlineData("Admin", "admin")]
    public async Task RunAsync_AddressInUse_SaysWhichAddressAndReturnsFailed(string setting, string role)
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        taken.Listen();
        var address = taken.LocalEndPoint!.ToString();
        string[] args = ["--Gateway:Listen=127.0.0.1:0", "--Gateway:Admin=127.0.0.1:0", $"--Gateway:{setting}={address}"];
        var errors = new StringWriter();

        // Bounded: a gateway that did start would run until stopped.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var exitCode = await GatewayApp.RunAsync(args, errors, builder => builder.Logging.ClearProviders(), stop.Token);

        Assert.Equal(GatewayApp.ExitFailed, exitCode);
        Assert.False(stop.IsCancellationRequested, "the gateway started although the address was taken");
        var message = Assert.Single(errors.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            $"error: the {role} address {address} is already in use; stop what listens there, or choose another address with --Gateway:{setting}=HOST:PORT or '{role}' in the route file.",
            message);
    }

    [Fact]
    public async Task RunAsync_StopRequested_ReturnsSuccess()
    {
        using var stop = new CancellationTokenSource();
        var errors = new StringWriter();
        var run = GatewayApp.RunAsync(["--Gateway:Listen=127.0.0.1:0", "--Gateway:Admin=127.0.0.1:0"], errors,
            builder =>
            {
                builder.Logging.ClearProviders();
                builder.Services.AddHostedService(services => new StopWhenStarted(services.GetRequiredService<IHostApplicationLifetime>(), stop));
            },
            stop.Token);

        var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(GatewayApp.ExitSuccess, exitCode);
        Assert.Equal(string.Empty, errors.ToString());
    }

    [Fact]
    public async Task DisposeAsync_App_DisposesForwarderClient()
    {
        using var closed = ClosedPort.Reserve();
        var gateway = await CreateGatewayAsync();
        var client = gateway.App.Services.GetRequiredService<ForwarderClient>();

        await gateway.DisposeAsync();

        // A live client would try to connect and fail with HttpRequestException (connection refused).
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{closed.Port}/");
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.Invoker.SendAsync(request, CancellationToken.None));
    }

    private static Task<GatewayHost> CreateGatewayAsync() => GatewayHost.StartAsync("""
        route ping {
          path /ping
          respond 200 "pong"
        }
        """);
}

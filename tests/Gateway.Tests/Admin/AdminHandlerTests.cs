using Gateway.Admin;
using Gateway.Routing;
using Gateway.Tests.Common;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Admin;

public sealed class AdminHandlerTests
{
    [Fact]
    public async Task InvokeAsync_Healthz_Returns200()
    {
        var (handler, _) = CreateHandler(loaded: false);

        Assert.Equal(200, await StatusOf(handler, "/healthz"));
    }

    [Fact]
    public async Task InvokeAsync_ReadyzWithoutTable_Returns503()
    {
        var (handler, _) = CreateHandler(loaded: false);

        Assert.Equal(503, await StatusOf(handler, "/readyz"));
    }

    [Fact]
    public async Task InvokeAsync_ReadyzAfterTableLoads_Returns200()
    {
        var (handler, tables) = CreateHandler(loaded: false);

        tables.Swap(TestTables.Snapshot(TestTables.Create()));

        Assert.Equal(200, await StatusOf(handler, "/readyz"));
    }

    [Fact]
    public async Task InvokeAsync_UnknownPath_Returns404()
    {
        var (handler, _) = CreateHandler(loaded: true);

        Assert.Equal(404, await StatusOf(handler, "/metrics-nope"));
    }

    private static (AdminHandler Handler, RouteTableHolder Tables) CreateHandler(bool loaded)
    {
        var tables = new RouteTableHolder();
        if (loaded)
        {
            tables.Swap(TestTables.Snapshot(TestTables.Create()));
        }

        return (new AdminHandler(tables), tables);
    }

    private static async Task<int> StatusOf(AdminHandler handler, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();
        await handler.InvokeAsync(context);
        return context.Response.StatusCode;
    }
}

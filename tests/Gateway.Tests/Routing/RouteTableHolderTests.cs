using Gateway.Routing;
using Gateway.Tests.Common;

namespace Gateway.Tests.Routing;

public sealed class RouteTableHolderTests
{
    [Fact]
    public void Current_BeforeSwap_IsNullAndNotLoaded()
    {
        var holder = CreateHolder();

        Assert.Null(holder.Current);
        Assert.False(holder.IsLoaded);
    }

    [Fact]
    public void Swap_SecondSnapshot_ReplacesAndSignalsTheFirst()
    {
        var holder = CreateHolder();
        var first = TestTables.Snapshot(TestTables.Create());
        var second = TestTables.Snapshot(TestTables.Create());
        holder.Swap(first);
        var seenByRequest = holder.Current;

        holder.Swap(second);

        Assert.Same(second, holder.Current);
        Assert.Same(first, seenByRequest);
        Assert.True(first.ChangeToken.IsCancellationRequested);
        Assert.False(second.ChangeToken.IsCancellationRequested);
    }

    private static RouteTableHolder CreateHolder() => new();
}

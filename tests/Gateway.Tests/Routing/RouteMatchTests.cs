using Gateway.Routing;

namespace Gateway.Tests.Routing;

/// <summary>How a match records its captures: as ranges of the path, from slices the matcher already holds.</summary>
public sealed class RouteMatchTests
{
    [Fact]
    public void Capture_SlicesOfThePath_RecordsWhereTheyLie()
    {
        const string path = "/users/42/orders/7";
        var match = RouteMatch.Create(3);

        match.Capture(path, path.AsSpan(7, 2));
        match.Capture(path, path.AsSpan(17, 1));

        Assert.Equal(3, match.RouteIndex);
        Assert.Equal(2, match.CaptureCount);
        Assert.Equal(new CaptureRange(7, 2), match.GetCapture(0));
        Assert.Equal("7", match.GetCaptureText(1, path).ToString());
    }

    [Fact]
    public void Capture_SpanOfAnotherString_Throws()
    {
        const string path = "/users/42";
        var other = new string("/users/42".AsSpan());
        var match = RouteMatch.Create(0);

        var exception = Record.Exception(() => match.Capture(path, other.AsSpan(7)));

        Assert.IsType<ArgumentException>(exception);
        Assert.Equal(0, match.CaptureCount);
    }

    [Theory]
    [InlineData("/static/a/b.css", 8, "a/b.css")]
    [InlineData("/static/", 8, "")]
    [InlineData("/static", 8, "")]
    public void CaptureRest_FromStart_TakesTheRawRest(string path, int start, string expected)
    {
        var match = RouteMatch.Create(0);

        match.CaptureRest(path, start);

        Assert.Equal(expected, match.GetCaptureText(0, path).ToString());
    }

    [Fact]
    public void Capture_MoreThanMaxCaptures_Throws()
    {
        const string path = "/a/b/c/d/e/f/g/h/i";
        var match = RouteMatch.Create(0);
        for (var i = 0; i < RouteMatch.MaxCaptures; i++)
        {
            match.Capture(path, path.AsSpan(1 + (2 * i), 1));
        }

        var exception = Record.Exception(() => match.Capture(path, path.AsSpan(17, 1)));

        Assert.IsType<IndexOutOfRangeException>(exception);
    }
}

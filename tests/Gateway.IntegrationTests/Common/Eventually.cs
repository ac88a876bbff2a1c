namespace Gateway.IntegrationTests.Common;

/// <summary>Waits for a condition that becomes true in the background (a file re-read on a timer), checking often and
/// giving up after 30 s, so a slow machine passes and a broken feature fails with a message.</summary>
public static class Eventually
{
    /// <summary>The longest wait.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Checks <paramref name="condition"/> until it holds; fails the test with <paramref name="what"/> after <see cref="Bound"/>.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not true within {Bound.TotalSeconds} s: {what}");
            }

            await Task.Delay(50);
        }
    }
}

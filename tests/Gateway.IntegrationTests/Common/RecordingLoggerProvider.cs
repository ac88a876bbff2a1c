using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Common;

/// <summary>Keeps every log entry of one gateway instance, so tests can assert on levels (e.g. "no Error for client mistakes").</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    /// <summary>The entries written so far, oldest first.</summary>
    public IReadOnlyList<LogEntry> Entries => _entries.ToArray();

    /// <inheritdoc/>
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <inheritdoc/>
    public void Dispose()
    {
    }

    /// <summary>One log entry.</summary>
    public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}

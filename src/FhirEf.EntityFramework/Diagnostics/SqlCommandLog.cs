using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FhirEf.EntityFramework.Diagnostics;

/// <summary>
/// A logger provider that keeps the SQL EF Core executes (category <see cref="Category"/>, Information),
/// so tests can assert what ran in PostgreSQL and benchmarks can print it. Enable the category at
/// Information in the host's logging for it to receive anything.
/// </summary>
public sealed class SqlCommandLog : ILoggerProvider
{
    public const string Category = "Microsoft.EntityFrameworkCore.Database.Command";

    public ConcurrentQueue<string> Commands { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName == Category ? Commands : null);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string>? commands) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => commands is not null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            commands?.Enqueue(formatter(state, exception));
    }
}

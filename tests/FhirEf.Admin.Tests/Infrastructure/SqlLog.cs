using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FhirEf.Admin.Tests.Infrastructure;

/// <summary>Collects the SQL EF Core logs (<c>Microsoft.EntityFrameworkCore.Database.Command</c>).</summary>
public sealed class SqlLog : ILoggerProvider
{
    public ConcurrentQueue<string> Commands { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? Commands : null);

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

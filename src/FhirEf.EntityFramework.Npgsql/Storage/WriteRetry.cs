using FhirEf.EntityFramework.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Polly;
using Polly.Retry;

namespace FhirEf.EntityFramework.Npgsql.Storage;

/// <summary>
/// Retries a write transaction that PostgreSQL aborted for a reason a second attempt resolves:
/// serialization failure (40001), deadlock (40P01), or a concurrent insert of the same new id
/// (23505 on a main table's primary key, from two update-as-creates). Exponential backoff with jitter.
/// </summary>
public sealed class WriteRetry
{
    private readonly ResiliencePipeline _pipeline;

    public WriteRetry(IOptions<StorageOptions> options, ILogger<WriteRetry> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var retry = options.Value.Retry;
        _pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxAttempts - 1,
                Delay = TimeSpan.FromMilliseconds(retry.BaseDelayMilliseconds),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<PostgresException>(IsTransient),
                OnRetry = arguments =>
                {
                    var error = (PostgresException)arguments.Outcome.Exception!;
                    logger.LogInformation("Retrying a write transaction (attempt {Attempt}) after {SqlState}: {Message}",
                        arguments.AttemptNumber + 2, error.SqlState, error.MessageText);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public static bool IsTransient(PostgresException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected
            || (exception.SqlState == PostgresErrorCodes.UniqueViolation && exception.ConstraintName?.EndsWith("_pkey", StringComparison.Ordinal) == true
                && exception.TableName?.Contains('_', StringComparison.Ordinal) == false);
    }

    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> work, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(work, cancellationToken);
}

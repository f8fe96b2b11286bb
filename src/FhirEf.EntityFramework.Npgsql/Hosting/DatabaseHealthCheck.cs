using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace FhirEf.EntityFramework.Npgsql.Hosting;

/// <summary>Readiness: the database is prepared and answers a query now.</summary>
public sealed class DatabaseHealthCheck : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    private readonly FhirDatabaseStartup _startup;
    private readonly NpgsqlDataSource _dataSource;

    public DatabaseHealthCheck(FhirDatabaseStartup startup, NpgsqlDataSource dataSource)
    {
        _startup = startup;
        _dataSource = dataSource;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!_startup.IsReady)
        {
            return HealthCheckResult.Unhealthy("The database is not ready yet: it is starting or being migrated.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await using var command = _dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return HealthCheckResult.Healthy("The database answers.");
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            // Pooled connections to a server that went away are dead; drop them so recovery is immediate.
            _dataSource.Clear();
            var reason = e is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : e.Message;
            return HealthCheckResult.Unhealthy($"The database is unreachable: {reason}");
        }
    }
}

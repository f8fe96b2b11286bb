using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FhirEf.EntityFramework.Npgsql.Hosting;

/// <summary>
/// Brings the database up before the server takes requests (embedded cluster, pending migrations) and
/// stops the embedded cluster when the host stops.
/// </summary>
public sealed class FhirDatabaseStartup : IHostedService
{
    private readonly FhirDatabaseEndpoint _endpoint;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<FhirDatabaseStartup> _logger;

    public FhirDatabaseStartup(FhirDatabaseEndpoint endpoint, IServiceScopeFactory scopes, ILogger<FhirDatabaseStartup> logger)
    {
        _endpoint = endpoint;
        _scopes = scopes;
        _logger = logger;
    }

    public bool IsReady { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _endpoint.StartAsync(cancellationToken);
        if (_endpoint.MigrateOnStartup)
        {
            await using var scope = _scopes.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<FhirDbContext>();
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                _logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
                await context.Database.MigrateAsync(cancellationToken);
            }
        }

        IsReady = true;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        IsReady = false;
        await _endpoint.StopAsync(cancellationToken);
    }
}

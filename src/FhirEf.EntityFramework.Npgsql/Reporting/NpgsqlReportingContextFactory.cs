using FhirEf.Core.Reporting;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.OData;
using FhirEf.EntityFramework.Storage;
using FhirEf.EntityFramework.Npgsql.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FhirEf.EntityFramework.Npgsql.Reporting;

/// <summary>
/// Reporting contexts on a data source of their own: <c>ConnectionStrings:Reporting</c> (a read replica)
/// when configured, else the FHIR database. Every connection carries PostgreSQL's
/// <c>statement_timeout</c>, so a runaway report is stopped by the server even if the client hangs.
/// </summary>
public sealed class NpgsqlReportingContextFactory : IReportingDbContextFactory, IAsyncDisposable
{
    private readonly Lazy<(NpgsqlDataSource Source, DbContextOptions<FhirDbContext> Options)> _database;

    public NpgsqlReportingContextFactory(
        string? reportingConnectionString, FhirDatabaseEndpoint endpoint, FhirSchema schema, IOptions<ReportingOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(options);
        var timeout = options.Value.StatementTimeoutSeconds;
        // The endpoint's connection string is known only once an embedded cluster has started: build on first use.
        _database = new(() =>
        {
            var builder = new NpgsqlConnectionStringBuilder(string.IsNullOrWhiteSpace(reportingConnectionString) ? endpoint.ConnectionString : reportingConnectionString)
            {
                Options = $"-c statement_timeout={timeout * 1000}",
                ApplicationName = "FhirEf reporting",
            };
            var source = new NpgsqlDataSourceBuilder(builder.ConnectionString).UseLoggerFactory(loggerFactory).Build();
            var contextOptions = new DbContextOptionsBuilder<FhirDbContext>();
            // The host's logging: the SQL of reports shows up under Microsoft.EntityFrameworkCore.Database.Command.
            contextOptions.UseFhirEfNpgsql(source, schema).UseLoggerFactory(loggerFactory);
            return (source, contextOptions.Options);
        });
    }

    public ValueTask<FhirDbContext> CreateAsync(CancellationToken cancellationToken)
    {
        var context = new FhirDbContext(_database.Value.Options);
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        return ValueTask.FromResult(context);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database.IsValueCreated)
        {
            await _database.Value.Source.DisposeAsync();
        }
    }
}

using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Modeling;
using FhirEf.EntityFramework.Npgsql.Embedded;
using FhirEf.EntityFramework.Npgsql.Modeling;
using FhirEf.EntityFramework.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FhirEf.EntityFramework.Npgsql.Hosting;

public static class FhirEfPostgresServiceCollectionExtensions
{
    public const string MigrationsAssembly = "FhirEf.Migrations";

    /// <summary>
    /// FhirEf's PostgreSQL storage: the database endpoint (configured or embedded), its start-up and
    /// migrations, the Npgsql data source and the pooled <see cref="FhirDbContext"/>.
    /// </summary>
    public static IServiceCollection AddFhirEfPostgres(this IServiceCollection services, IConfiguration configuration, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName);
        services.AddOptions<EmbeddedPostgresOptions>()
            .BindConfiguration(EmbeddedPostgresOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(sp => new FhirDatabaseEndpoint(
            configuration.GetConnectionString(DatabaseOptions.ConnectionStringName),
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            sp.GetRequiredService<IOptions<EmbeddedPostgresOptions>>().Value,
            rootDirectory,
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<FhirDatabaseStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<FhirDatabaseStartup>());

        // Resolved on first use, after FhirDatabaseStartup has started an embedded cluster.
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(sp.GetRequiredService<FhirDatabaseEndpoint>().ConnectionString)
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build());
        services.AddDbContextPool<FhirDbContext>((sp, options) => options.UseFhirEfNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }

    /// <summary>PostgreSQL through <paramref name="dataSource"/>, with the model of <paramref name="schema"/> (default: the R4 schema of spec/).</summary>
    public static DbContextOptionsBuilder UseFhirEfNpgsql(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource, FhirSchema? schema = null) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseFhirSchema(schema ?? FhirSchema.R4, NpgsqlFhirStorageProvider.Instance);

    public static DbContextOptionsBuilder UseFhirEfNpgsql(this DbContextOptionsBuilder options, string connectionString, FhirSchema? schema = null) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseFhirSchema(schema ?? FhirSchema.R4, NpgsqlFhirStorageProvider.Instance);
}

using FhirEf.Core.Abstractions;
using FhirEf.Core.Bulk;
using FhirEf.EntityFramework.Npgsql.Import;
using FhirEf.Core.Definitions;
using FhirEf.Core.Indexing;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.Modeling;
using FhirEf.EntityFramework.Npgsql.Embedded;
using FhirEf.EntityFramework.Npgsql.Modeling;
using FhirEf.EntityFramework.Npgsql.Search;
using FhirEf.EntityFramework.Npgsql.Storage;
using FhirEf.EntityFramework.Npgsql.Storage.Bulk;
using FhirEf.EntityFramework.Search;
using FhirEf.EntityFramework.Search.Translation;
using FhirEf.EntityFramework.Storage;
using FhirEf.EntityFramework.Storage.Caching;
using FhirEf.EntityFramework.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FhirEf.EntityFramework.Npgsql.Hosting;

public static class FhirEfPostgresServiceCollectionExtensions
{
    public const string MigrationsAssembly = "FhirEf.Migrations";

    /// <summary>
    /// FhirEf's PostgreSQL storage: the database endpoint (configured or embedded), its start-up and
    /// migrations, the Npgsql data source and the pooled <see cref="FhirDbContext"/>, then the storage
    /// services of <see cref="AddFhirEfStorage"/>.
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
        services.AddSingleton(sp => FhirDataSource.Create(sp.GetRequiredService<FhirDatabaseEndpoint>().ConnectionString, sp.GetRequiredService<ILoggerFactory>()));
        services.AddDbContextPool<FhirDbContext>((sp, options) => options.UseFhirEfNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddFhirEfStorage();

        // $import: jobs in the database, run by a background worker; server-local inputs under Fhir:Import:Root.
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp =>
        {
            var import = sp.GetRequiredService<IOptions<ImportOptions>>().Value;
            var root = string.IsNullOrWhiteSpace(import.Root) ? null : Path.GetFullPath(Path.Combine(rootDirectory, import.Root));
            return new ImportSources(root, [.. import.AllowedUrlPrefixes], import.AllowedUrlPrefixes.Count == 0 ? null : new HttpClient());
        });
        services.TryAddSingleton<ImportSignal>();
        services.TryAddScoped<IImportJobService, NpgsqlImportJobService>();
        services.AddHostedService<ImportWorker>();
        return services;
    }

    /// <summary>
    /// The repository and what it stands on: definitions, schema, row builder, cache, retry, and the
    /// scoped session (connection, tenant, unit of work), the indexer, search and conditional operations.
    /// Each is registered only when absent, so a host may replace any of them first.
    /// </summary>
    public static IServiceCollection AddFhirEfStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(_ => FhirDefinitions.R4);
        services.TryAddSingleton(_ => FhirSchema.R4);
        services.TryAddSingleton<IFhirStorageProvider>(NpgsqlFhirStorageProvider.Instance);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IResourceIndexer>(sp => new SearchIndexer(sp.GetRequiredService<FhirDefinitions>()));
        services.TryAddSingleton<ResourceRowBuilder>();
        services.TryAddSingleton<ResourceCache>();
        services.TryAddSingleton<WriteRetry>();
        services.TryAddSingleton(sp => SessionContextOptions(sp.GetRequiredService<FhirSchema>()));
        services.TryAddSingleton<IDbContextFactory<FhirDbContext>>(sp => new PooledDbContextFactory<FhirDbContext>(sp.GetRequiredService<DbContextOptions<FhirDbContext>>()));
        services.TryAddScoped(_ => TenantContext.Default);
        services.TryAddScoped<FhirSession>();
        services.TryAddScoped<IFhirUnitOfWork>(sp => sp.GetRequiredService<FhirSession>());
        services.TryAddScoped<IFhirDbContextSource>(sp => sp.GetRequiredService<FhirSession>());
        services.TryAddScoped<IFhirRepository, NpgsqlFhirRepository>();
        services.TryAddScoped<IFhirBulkWriter, NpgsqlBulkWriter>();

        services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ISearchPredicateProvider>(NpgsqlSearchPredicateProvider.Instance);
        services.TryAddScoped<IFhirSearchService, FhirSearchService>();
        services.TryAddScoped<IFhirConditionalOperations, NpgsqlConditionalOperations>();
        return services;
    }

    /// <summary>Options of the contexts sessions create on their own connection (set per session).</summary>
    public static DbContextOptions<FhirDbContext> SessionContextOptions(FhirSchema schema)
    {
        var builder = new DbContextOptionsBuilder<FhirDbContext>();
        builder.UseNpgsql(npgsql => npgsql.MigrationsAssembly(MigrationsAssembly)).UseFhirSchema(schema, NpgsqlFhirStorageProvider.Instance);
        return builder.Options;
    }

    /// <summary>PostgreSQL through <paramref name="dataSource"/>, with the model of <paramref name="schema"/> (default: the R4 schema of spec/).</summary>
    public static DbContextOptionsBuilder UseFhirEfNpgsql(this DbContextOptionsBuilder options, NpgsqlDataSource dataSource, FhirSchema? schema = null) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseFhirSchema(schema ?? FhirSchema.R4, NpgsqlFhirStorageProvider.Instance);

    public static DbContextOptionsBuilder UseFhirEfNpgsql(this DbContextOptionsBuilder options, string connectionString, FhirSchema? schema = null) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(MigrationsAssembly))
            .UseFhirSchema(schema ?? FhirSchema.R4, NpgsqlFhirStorageProvider.Instance);
}

using FhirEf.Core.Jobs;
using FhirEf.EntityFramework.Npgsql.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace FhirEf.EntityFramework.Npgsql.Hosting;

public static class FhirEfJobsServiceCollectionExtensions
{
    /// <summary>
    /// Asynchronous jobs (<c>$reindex</c>, <c>$export</c>): the job store, the reindexer, the exporter and the
    /// background worker that runs them. Needs <see cref="FhirEfPostgresServiceCollectionExtensions.AddFhirEfPostgres"/>.
    /// </summary>
    public static IServiceCollection AddFhirEfJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<NpgsqlJobStore>();
        services.TryAddSingleton<IFhirJobStore>(sp => sp.GetRequiredService<NpgsqlJobStore>());
        services.TryAddSingleton<Reindexer>();
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<BulkExporter>(sp, sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddHostedService<FhirJobWorker>();
        return services;
    }
}

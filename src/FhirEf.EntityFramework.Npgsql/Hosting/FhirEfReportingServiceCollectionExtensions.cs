using FhirEf.Core.Reporting;
using FhirEf.Core.Schema;
using FhirEf.EntityFramework.OData;
using FhirEf.EntityFramework.Npgsql.Reporting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirEf.EntityFramework.Npgsql.Hosting;

public static class FhirEfReportingServiceCollectionExtensions
{
    /// <summary>Connection string name of the optional reporting database (a read replica).</summary>
    public const string ReportingConnectionStringName = "Reporting";

    /// <summary>
    /// The OData reporting queries (<see cref="IReportingQueryService"/>) on their own data source
    /// (<c>ConnectionStrings:Reporting</c> or the FHIR database) with the limits of <c>Fhir:OData</c>.
    /// Needs <see cref="FhirEfPostgresServiceCollectionExtensions.AddFhirEfPostgres"/>.
    /// </summary>
    public static IServiceCollection AddFhirEfReporting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new NpgsqlReportingContextFactory(
            configuration.GetConnectionString(ReportingConnectionStringName),
            sp.GetRequiredService<FhirDatabaseEndpoint>(),
            sp.GetRequiredService<FhirSchema>(),
            sp.GetRequiredService<IOptions<ReportingOptions>>(),
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IReportingDbContextFactory>(sp => sp.GetRequiredService<NpgsqlReportingContextFactory>());
        services.AddScoped<IReportingQueryService, ODataQueryService>();
        return services;
    }
}

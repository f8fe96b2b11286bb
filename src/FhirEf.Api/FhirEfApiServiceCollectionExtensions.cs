using FhirEf.Api.Controllers;
using FhirEf.Api.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.Api;

public static class FhirEfApiServiceCollectionExtensions
{
    public static IServiceCollection AddFhirEfApi(this IServiceCollection services)
    {
        services.AddControllers().AddApplicationPart(typeof(MetadataController).Assembly);
        services.AddHealthChecks();
        return services;
    }

    public static IEndpointRouteBuilder MapFhirEfApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapControllers();
        endpoints.MapFhirEfHealth();
        return endpoints;
    }
}

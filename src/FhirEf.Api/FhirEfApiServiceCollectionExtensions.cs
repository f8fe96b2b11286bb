using FhirEf.Api.Bundles;
using FhirEf.Api.Capabilities;
using FhirEf.Api.Configuration;
using FhirEf.Api.Controllers;
using FhirEf.Api.ErrorHandling;
using FhirEf.Api.Formatting;
using FhirEf.Api.Health;
using FhirEf.Api.Interactions;
using FhirEf.Api.Logging;
using FhirEf.Api.Patching;
using FhirEf.Api.Requests;
using FhirEf.Core.Abstractions;
using FhirEf.Core.Bundles;
using FhirEf.Core.Definitions;
using FhirEf.Core.FhirPath.Compilation;
using FhirEf.Core.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FhirEf.Api;

public static class FhirEfApiServiceCollectionExtensions
{
    /// <summary>
    /// The FHIR REST API: controllers, formatting, error handling, bundles, patch, capabilities, the
    /// request's tenant, limits (<c>Fhir:Api</c>) and graceful shutdown. Storage (<see cref="IFhirRepository"/>,
    /// <see cref="IFhirUnitOfWork"/>) comes from elsewhere; search and conditional operations are used when registered.
    /// </summary>
    public static IServiceCollection AddFhirEfApi(this IServiceCollection services)
    {
        services.AddOptions<FhirApiOptions>().BindConfiguration(FhirApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TenancyOptions>().BindConfiguration(TenancyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<FhirApiOptions>>(
            (kestrel, api) => kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);
        services.AddOptions<HostOptions>().Configure<IOptions<FhirApiOptions>>(
            (host, api) => host.ShutdownTimeout = TimeSpan.FromSeconds(api.Value.ShutdownTimeoutSeconds));

        services.AddControllers(options =>
            {
                // Controllers read bodies themselves (POST _search too). MVC's form value providers would read
                // a form body before the action and, when it is malformed, leave every route value unbound.
                options.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
                options.ModelMetadataDetailsProviders.Add(new RouteValuesStayStrings());
            })
            .AddApplicationPart(typeof(MetadataController).Assembly)
            .ConfigureApiBehaviorOptions(options =>
            {
                // FHIR controllers read their bodies themselves and answer errors with OperationOutcome.
                options.SuppressModelStateInvalidFilter = true;
                options.SuppressMapClientErrors = true;
            });
        services.AddHealthChecks();
        services.AddExceptionHandler<FhirExceptionHandler>();

        services.TryAddSingleton(_ => FhirDefinitions.R4);
        services.TryAddSingleton(sp => new ResourceValidator(sp.GetRequiredService<FhirDefinitions>()));
        services.TryAddSingleton(_ => FhirPathCompiler.R4);
        services.TryAddSingleton(sp => new ReferenceRewriter(sp.GetRequiredService<FhirDefinitions>().Structures));
        services.TryAddSingleton<ResourceProjector>();
        services.TryAddSingleton<FhirPathPatch>();
        services.TryAddSingleton<PatchApplier>();
        services.TryAddSingleton<FhirRequestReader>();
        services.TryAddSingleton<CapabilityStatementBuilder>();

        services.TryAddScoped<FhirRequestContext>();
        services.TryAddScoped<FhirRequestFilter>();
        services.TryAddScoped<FhirInteractions>();
        services.TryAddScoped<BundleProcessor>();

        // Every request acts in the configured project until requests carry their own tenant.
        services.Replace(ServiceDescriptor.Scoped(sp => new TenantContext(sp.GetRequiredService<IOptions<TenancyOptions>>().Value.DefaultProjectId)));
        return services;
    }

    /// <summary>The middleware in front of the endpoints: request ids and logging, the exception handler, OperationOutcome bodies for framework errors.</summary>
    public static IApplicationBuilder UseFhirEfApi(this IApplicationBuilder app)
    {
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Only reached for errors FhirExceptionHandler leaves alone (the admin API's).
            ExceptionHandler = _ => Task.CompletedTask,
        });
        app.UseStatusCodePages(StatusCodeOutcomes.WriteAsync);
        return app;
    }

    public static IEndpointRouteBuilder MapFhirEfApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapControllers();
        endpoints.MapFhirEfHealth();
        return endpoints;
    }
}

using FhirEf.Admin.Endpoints;
using FhirEf.Admin.Security;
using FhirEf.Core.Reporting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FhirEf.Admin;

public static class FhirEfAdminServiceCollectionExtensions
{
    /// <summary>
    /// The admin OData service: its EDM, the <c>FhirEfAdmin</c> JWT bearer scheme and policy
    /// (<c>Fhir:Admin:Jwt</c>), limits (<c>Fhir:OData</c>) and its error handler. The queries themselves
    /// need an <see cref="IReportingQueryService"/> from the storage layer.
    /// </summary>
    public static IServiceCollection AddFhirEfAdmin(this IServiceCollection services, IConfiguration configuration, string rootDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminJwtOptions>().BindConfiguration(AdminJwtOptions.SectionName);
        services.TryAddSingleton<ODataService>();
        services.AddScoped<ODataEndpoint>();
        services.AddExceptionHandler<ODataExceptionHandler>();

        var jwt = configuration.GetSection(AdminJwtOptions.SectionName).Get<AdminJwtOptions>() ?? new AdminJwtOptions();
        services.TryAddSingleton(new AdminTokenValidator(jwt, rootDirectory));
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AdminBearerHandler>(AdminClaims.Scheme, displayName: null, _ => { });
        services.AddAuthorizationBuilder().AddPolicy(AdminClaims.Policy, policy => policy
            .AddAuthenticationSchemes(AdminClaims.Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(AdminClaims.AdminRole, AdminClaims.SuperAdminRole));
        return services;
    }

    /// <summary>Authentication and authorization in front of the endpoints (after routing).</summary>
    public static IApplicationBuilder UseFhirEfAdmin(this IApplicationBuilder app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary><c>GET /odata</c> and everything below it, read-only, admins only.</summary>
    public static IEndpointRouteBuilder MapFhirEfAdmin(this IEndpointRouteBuilder endpoints)
    {
        RequestDelegate handle = context => context.RequestServices.GetRequiredService<ODataEndpoint>().HandleAsync(context);
        endpoints.MapGet(ODataEndpoint.RoutePrefix, handle).RequireAuthorization(AdminClaims.Policy);
        endpoints.MapGet(ODataEndpoint.RoutePrefix + "/{**path}", handle).RequireAuthorization(AdminClaims.Policy);
        return endpoints;
    }
}

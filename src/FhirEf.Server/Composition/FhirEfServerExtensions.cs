using FhirEf.Admin;
using FhirEf.Api;
using FhirEf.Api.Health;
using FhirEf.EntityFramework.Npgsql.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FhirEf.Server.Composition;

internal static class FhirEfServerExtensions
{
    /// <summary>Used when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> nor <c>Server:Urls</c> says otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddFhirEfServer(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(builder.Configuration["Server:Urls"] ?? DefaultUrls);
        }

        // The database comes up first: every other start-up step may need it.
        builder.Services.AddFhirEfPostgres(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddFhirEfJobs();
        builder.Services.AddFhirEfApi();
        builder.Services.AddFhirEfReporting(builder.Configuration);
        builder.Services.AddFhirEfAdmin(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddFhirEfOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpointRouteBuilderExtensions.ReadyTag]);
        return builder;
    }

    public static WebApplication MapFhirEfServer(this WebApplication app)
    {
        app.UseFhirEfApi();
        app.UseFhirEfAdmin();
        app.MapFhirEfApi();
        app.MapFhirEfAdmin();
        app.MapFhirEfOpenApi();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<Microsoft.AspNetCore.Hosting.Server.IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
            app.Logger.LogInformation("FhirEf is ready: FHIR base {Urls}", string.Join(", ", (addresses ?? []).Select(a => a + "/fhir")));
        });
        return app;
    }
}

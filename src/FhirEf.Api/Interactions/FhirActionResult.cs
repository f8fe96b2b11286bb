using FhirEf.Api.Formatting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace FhirEf.Api.Interactions;

/// <summary>An MVC result that writes a <see cref="FhirResult"/>.</summary>
public sealed class FhirActionResult(FhirResult result) : IActionResult
{
    public FhirResult Result { get; } = result;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        return FhirResponseWriter.WriteAsync(
            context.HttpContext,
            Result,
            services.GetRequiredService<FhirRequestContext>(),
            services.GetRequiredService<ResourceProjector>());
    }
}

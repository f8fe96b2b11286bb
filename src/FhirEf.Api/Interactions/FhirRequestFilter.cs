using FhirEf.Api.Configuration;
using FhirEf.Api.Formatting;
using FhirEf.Api.Headers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace FhirEf.Api.Interactions;

/// <summary>
/// Runs before every FHIR action: negotiates the response format (406 before anything is done) and
/// reads <c>Prefer</c>, so that a request the server cannot answer never reaches the database.
/// </summary>
public sealed class FhirRequestFilter(FhirRequestContext context, IOptions<FhirApiOptions> options) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext executing, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(executing);
        ArgumentNullException.ThrowIfNull(next);
        var request = executing.HttpContext.Request;
        context.Format = FormatNegotiation.Negotiate(request);
        context.Prefer = PreferHeader.Parse(request.Headers["Prefer"]);
        context.BaseUrl = string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}/fhir"
            : options.Value.PublicBaseUrl.TrimEnd('/');
        await next();
    }
}
